import { z } from 'zod';
import { idSchema, regionPathSchema } from './region.js';
import { followUpTriggerSchema } from './follow-up.js';
import { caseDeadlinesSchema } from './case-deadlines.js';
import { phoneSchema } from './user.js';
import { birthDateSchema, eventDateSchema } from './date-bounds.js';
import { riskBasisSchema } from './risk-basis.js';
import { singleLineText } from './text.js';

// The Chinese names live in a zod-free file the mini-program can import; re-exported here for the server side.
export { childCategoryNames, childFlagNames, riskLevelNames } from './labels.js';

/** Categories of DOMAIN.md's glossary. */
export const childCategories = ['difficult', 'leftBehind', 'orphan', 'deFactoUnsupported'] as const;
export const childCategorySchema = z.enum(childCategories);
export type ChildCategory = z.infer<typeof childCategorySchema>;

/**
 * Circumstances that change how often a child must be seen: R11 (001 §二.3) and R20 (003 §80).
 * They are facts about the family, kept apart from categories so a rule can name exactly what it depends on.
 */
export const childFlags = [
  'parentSevereDisability', // R11: a parent with severe physical or intellectual disability
  'childDisabled', // R11, R20: the child is mentally or physically disabled
  'psychologicalOrBehavioural', // R11: psychological or behavioural abnormality
  'livingAlone', // R20
  'migrant', // R20
  'runawayHistory', // R20: past or repeated running away
  'poverty', // R20
  'singleParent', // R20
  'parentIllDisabledOrImprisoned', // R20: parents seriously ill, disabled or imprisoned
  'outOfSchool', // R20
] as const;
export const childFlagSchema = z.enum(childFlags);
export type ChildFlag = z.infer<typeof childFlagSchema>;

/** R14 (002 §六(一)): the risk grade that drives visit frequency. */
export const riskLevels = ['red', 'yellow', 'green'] as const;
export const riskLevelSchema = z.enum(riskLevels);
export type RiskLevel = z.infer<typeof riskLevelSchema>;

export const childStatuses = ['active', 'closed'] as const;
export const childStatusSchema = z.enum(childStatuses);
export type ChildStatus = z.infer<typeof childStatusSchema>;

export const genderSchema = z.enum(['male', 'female']);

const dateSchema = z.iso.date();
const instantSchema = z.iso.datetime({ offset: true });

export const guardianRelations = ['father', 'mother', 'grandparent', 'relative', 'other'] as const;
export const guardianSchema = z
  .object({
    /** The guardian's account, when they use the mini-program; it is what lets them see this child. */
    userId: idSchema.nullable(),
    name: singleLineText(50),
    relation: z.enum(guardianRelations),
    phone: phoneSchema.nullable(),
  })
  .strict();
export type Guardian = z.infer<typeof guardianSchema>;

/** R1 (000 §五.2): supervisor leads, director assists, social worker executes. */
export const teamSchema = z
  .object({
    supervisorId: idSchema,
    directorId: idSchema,
    socialWorkerId: idSchema,
  })
  .strict();
export type Team = z.infer<typeof teamSchema>;

export const teamChangeSchema = z
  .object({
    at: instantSchema,
    byUserId: idSchema,
    team: teamSchema,
    /** R1: changing the social worker needs a reason, and the reason is kept. */
    reason: singleLineText(200).nullable(),
  })
  .strict();
export type TeamChange = z.infer<typeof teamChangeSchema>;

/**
 * PIPL Art. 13, 28, 31 (RELIABILITY.md): the ground on which the record is held. The system records it and
 * never guesses it.
 */
export const legalBasisSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('statutoryDuty'),
      /** The duty relied on, e.g. 《未成年人保护法》第八十一条 民政部门职责. */
      authority: singleLineText(200, { min: 2 }),
    })
    .strict(),
  z
    .object({
      kind: z.literal('guardianConsent'),
      guardianName: singleLineText(50),
      consentedOn: eventDateSchema,
      /** Where the signed consent is kept (file number or document id). */
      recordRef: singleLineText(100),
    })
    .strict(),
]);
export type LegalBasis = z.infer<typeof legalBasisSchema>;

export const chineseIdNumberSchema = z.string().regex(/^\d{17}[\dX]$/, '18-character resident ID number');

/** The fields a person enters about a child; everything else is kept by the system. */
export const childProfileShape = {
  name: singleLineText(50),
  gender: genderSchema,
  birthDate: birthDateSchema,
  idNumber: chineseIdNumberSchema.nullable(),
  address: singleLineText(200),
  region: regionPathSchema,
  categories: z.array(childCategorySchema).min(1).max(childCategories.length),
  flags: z.array(childFlagSchema).max(childFlags.length),
  riskLevel: riskLevelSchema,
  guardians: z.array(guardianSchema).min(1).max(6),
  organizationId: idSchema.nullable(),
  legalBasis: legalBasisSchema.nullable(),
  /** R19: returns home and revocations of guardianship that start weekly follow-ups. */
  followUpTriggers: z.array(followUpTriggerSchema).max(20),
};

export const childSchema = z
  .object({
    id: idSchema,
    ...childProfileShape,
    // Records written before follow-ups existed have none.
    followUpTriggers: childProfileShape.followUpTriggers.default([]),
    /** Issue 12: where the risk level came from; absent or null until the first assessment (待评估). */
    riskBasis: riskBasisSchema.nullable().optional(),
    status: childStatusSchema,
    /** R15, R22: the case's own deadlines, moved by the case's use cases (case-deadlines.ts); absent until a case sets one. */
    caseDeadlines: caseDeadlinesSchema.optional(),
    team: teamSchema.nullable(),
    teamHistory: z.array(teamChangeSchema),
    registeredOn: dateSchema,
    createdAt: instantSchema,
    updatedAt: instantSchema,
    version: z.number().int().positive(),
  })
  .strict();
export type Child = z.infer<typeof childSchema>;

export const createChildInputSchema = z
  .object({
    ...childProfileShape,
    flags: childProfileShape.flags.default([]),
    followUpTriggers: childProfileShape.followUpTriggers.default([]),
    organizationId: childProfileShape.organizationId.default(null),
    idNumber: childProfileShape.idNumber.default(null),
    legalBasis: childProfileShape.legalBasis.default(null),
  })
  .strict();
export type CreateChildInput = z.infer<typeof createChildInputSchema>;

export const updatableChildFields = [...Object.keys(childProfileShape), 'status'] as (keyof ChildProfilePatch)[];
export const childPatchSchema = z
  .object({
    ...childProfileShape,
    status: childStatusSchema,
  })
  .partial()
  .strict();
export type ChildProfilePatch = z.infer<typeof childPatchSchema>;

export const updateChildInputSchema = z
  .object({
    version: z.number().int().positive(),
    changes: childPatchSchema.refine((patch) => Object.keys(patch).length > 0, '至少修改一个字段'),
  })
  .strict();
export type UpdateChildInput = z.infer<typeof updateChildInputSchema>;

export const assignTeamInputSchema = z
  .object({
    version: z.number().int().positive(),
    team: teamSchema,
    reason: singleLineText(200, { min: 2 }).nullable().default(null),
  })
  .strict();
export type AssignTeamInput = z.infer<typeof assignTeamInputSchema>;

/** The user ids of a child's guardians that have an account: they may see the child. */
export function guardianUserIdsOf(child: Pick<Child, 'guardians'>): string[] {
  return child.guardians.flatMap((g) => (g.userId ? [g.userId] : []));
}

export function teamMemberIdsOf(child: Pick<Child, 'team'>): string[] {
  return child.team ? [child.team.supervisorId, child.team.directorId, child.team.socialWorkerId] : [];
}
