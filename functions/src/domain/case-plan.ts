import { z } from 'zod';
import { closingFollowUpSchema } from './case-deadlines.js';
import { eventDateSchema } from './date-bounds.js';
import { idSchema } from './region.js';
import { multiLineText, singleLineText } from './text.js';

/**
 * R2 (000 §五.3): one child, one plan (一人一案), built from the team's assessment: goals with what success looks
 * like, services, tasks (who does what by when) and the part the family is told and agrees to, apart from the team's
 * internal notes. R15 (002 §六(四)): reviewed periodically, closed after the family was told in advance, with a
 * closing report and an agreed follow-up. The rules with dates are in case-deadlines.ts.
 */
const goalSchema = z.object({ goal: singleLineText(200), success: singleLineText(200) }).strict();
const serviceSchema = z.object({ service: singleLineText(200), provider: singleLineText(100, { min: 0 }) }).strict();
const taskSchema = z.object({ task: singleLineText(200), assigneeId: idSchema, dueOn: eventDateSchema }).strict();

/** What the family is told and agrees to do: the only part of the plan a guardian reads (R2, 000 §五.3 告知). */
export const familyPartSchema = z
  .object({ told: multiLineText(1000), familyAgrees: multiLineText(1000, { min: 0 }) })
  .strict();

export const casePlanContentSchema = z
  .object({
    /** The assessment it was built from (engineer A's assessments; validated and prefilled after merge). */
    assessmentId: idSchema.nullable().default(null),
    goals: z.array(goalSchema).min(1).max(12),
    services: z.array(serviceSchema).max(12),
    tasks: z.array(taskSchema).max(20),
    family: familyPartSchema,
    internalNotes: multiLineText(2000, { min: 0 }).default(''),
    /** R15: the first review; left out, three months after the plan is recorded. */
    nextReviewOn: eventDateSchema.nullable().default(null),
  })
  .strict();
export type CasePlanContent = z.infer<typeof casePlanContentSchema>;

/** A save of the plan over the version read (0 when the child has none yet). */
export const savePlanInputSchema = casePlanContentSchema.extend({ version: z.int().min(0) }).strict();
export type SavePlanInput = z.infer<typeof savePlanInputSchema>;

export const caseStatuses = ['open', 'closingAnnounced', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

const byWhom = z.object({ id: idSchema, name: z.string() }).strict();

export const casePlanSchema = casePlanContentSchema
  .extend({
    childId: idSchema,
    nextReviewOn: eventDateSchema,
    status: z.enum(caseStatuses),
    recordedAt: z.iso.datetime({ offset: true }),
    recordedBy: byWhom,
    /** The Idempotency-Key of the save, so a retry of it is answered with what it wrote. */
    requestKey: z.string(),
    version: z.int().positive(),
  })
  .strict();
export type CasePlan = z.infer<typeof casePlanSchema>;

export const goalOutcomes = ['reached', 'partly', 'not'] as const;

/** R15: a periodic evaluation: the change in the child, each goal (in the plan's order) reached or not, the resources used. */
export const reviewInputSchema = z
  .object({
    reviewedOn: eventDateSchema,
    childChange: multiLineText(1000),
    goals: z.array(z.object({ outcome: z.enum(goalOutcomes), note: singleLineText(200, { min: 0 }) }).strict()).min(1).max(12),
    resourcesUsed: multiLineText(1000),
    /** Left out, three months after the review. */
    nextReviewOn: eventDateSchema.nullable().default(null),
  })
  .strict();
export type ReviewInput = z.infer<typeof reviewInputSchema>;

export const planReviewSchema = reviewInputSchema
  .extend({ id: idSchema, childId: idSchema, planVersion: z.int().positive(), nextReviewOn: eventDateSchema, recordedAt: z.iso.datetime({ offset: true }), recordedBy: byWhom })
  .strict();
export type PlanReview = z.infer<typeof planReviewSchema>;

export const noticeChannels = ['inPerson', 'phone', 'letter', 'wechat'] as const;

/** R15: the family told in advance that the case will close. */
export const announceClosingInputSchema = z
  .object({ toldOn: eventDateSchema, how: z.enum(noticeChannels), toldWhom: singleLineText(50) })
  .strict();
export type AnnounceClosingInput = z.infer<typeof announceClosingInputSchema>;

export const closingReasons = ['goalsReached', 'riskRemoved', 'movedAway', 'transferred', 'agedOut', 'other'] as const;

/** 个案结案报告 and the follow-up agreed with the family. */
export const closeCaseInputSchema = z
  .object({
    closedOn: eventDateSchema,
    reason: z.enum(closingReasons),
    summary: multiLineText(2000),
    situationAtClosing: multiLineText(1000),
    /** What the family is told at closing: the family-facing part of the report. */
    familyMessage: multiLineText(500),
    followUp: closingFollowUpSchema,
  })
  .strict();
export type CloseCaseInput = z.infer<typeof closeCaseInputSchema>;

export const caseClosingSchema = z
  .object({
    childId: idSchema,
    announcement: announceClosingInputSchema.extend({ earliestClosingOn: eventDateSchema, recordedBy: byWhom }).strict(),
    report: closeCaseInputSchema.extend({ recordedBy: byWhom }).strict().nullable(),
  })
  .strict();
export type CaseClosing = z.infer<typeof caseClosingSchema>;

/** R2: the care handbook (关爱手册) handed over at the first visit. */
export const handbookInputSchema = z
  .object({ handedOverOn: eventDateSchema, handedOverById: idSchema, guardianName: singleLineText(50) })
  .strict();
export type HandbookInput = z.infer<typeof handbookInputSchema>;

export const handbookRecordSchema = handbookInputSchema.extend({ childId: idSchema, handedOverByName: z.string(), recordedBy: byWhom }).strict();
export type HandbookRecord = z.infer<typeof handbookRecordSchema>;

/** R22: a step of temporary state guardianship. */
export const stateGuardianshipInputSchema = z.discriminatedUnion('step', [
  z.object({ step: z.literal('placed'), on: eventDateSchema, institution: singleLineText(100) }).strict(),
  z.object({ step: z.literal('evaluated'), on: eventDateSchema, cleared: z.boolean(), note: multiLineText(1000, { min: 0 }) }).strict(),
  z.object({ step: z.literal('collected'), on: eventDateSchema, guardianName: singleLineText(50) }).strict(),
]);
export type StateGuardianshipInput = z.infer<typeof stateGuardianshipInputSchema>;

export const stateGuardianshipSchema = z
  .object({
    childId: idSchema,
    placedOn: eventDateSchema,
    institution: z.string(),
    evaluateBy: eventDateSchema.nullable(),
    evaluations: z.array(z.object({ on: eventDateSchema, cleared: z.boolean(), note: z.string() }).strict()),
    collectBy: eventDateSchema.nullable(),
    collected: z.object({ on: eventDateSchema, guardianName: z.string() }).strict().nullable(),
    version: z.int().positive(),
  })
  .strict();
export type StateGuardianship = z.infer<typeof stateGuardianshipSchema>;
