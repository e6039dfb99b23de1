import { z } from 'zod';
import { riskLevelSchema } from './child.js';
import { idSchema, regionPathSchema, type RegionPath } from './region.js';
import { multiLineText, singleLineText } from './text.js';
import { visitLocationSchema } from './visit.js';

export { concernKindNames, concernStatusNames } from './labels.js';

/**
 * A concern report (发现报告, R17): anyone may report a child who may be neglected, abandoned, abused, exploited,
 * trafficked or left unguarded. It goes to the village's children's director and the town's supervisor (R6), who
 * take it through the lifecycle of concern-lifecycle.ts. Chinese names of the codes are in labels.ts.
 */
export const concernKinds = [
  'neglect',
  'abandonment',
  'abuse',
  'exploitation',
  'trafficking',
  'forcedBegging',
  'drowningRisk',
  'bullying',
  'internetAddiction',
  'psychologicalCrisis',
  'leftAloneAtHome',
  'other',
] as const;
export const concernKindSchema = z.enum(concernKinds);
export type ConcernKind = z.infer<typeof concernKindSchema>;

export const concernStatuses = ['received', 'acknowledged', 'investigating', 'assessed', 'assisting', 'referred', 'closed'] as const;
export const concernStatusSchema = z.enum(concernStatuses);
export type ConcernStatus = z.infer<typeof concernStatusSchema>;

/** How it came: the public page (no account), a signed-in user, or the problems found at a visit (R11). */
export const concernChannels = ['public', 'staff', 'visit'] as const;
export type ConcernChannel = (typeof concernChannels)[number];

/** A mainland mobile, a landline with its area code, or an extension: what a reporter may leave to be called back. */
export const contactPhoneSchema = z.string().regex(/^\+?\d[\d-]{4,19}$/, '请填写正确的电话号码');

export const DESCRIPTION_MAX = 2000;
const UNKNOWN_CHILD_MAX = 200;

/** A child the reporter may read, or words about a child the system does not know (a public report is always this). */
export const concernChildSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('known'), childId: idSchema }).strict(),
  z.object({ kind: z.literal('unknown'), description: multiLineText(UNKNOWN_CHILD_MAX) }).strict(),
]);
export type ConcernChild = z.infer<typeof concernChildSchema>;

const reportFields = {
  /** Where: the village (required unless the child is known, whose village it is) and, if given, the phone's location. */
  villageId: idSchema.nullable().default(null),
  location: visitLocationSchema.nullable().default(null),
  kinds: z
    .array(concernKindSchema)
    .min(1)
    .max(concernKinds.length)
    .refine((kinds) => new Set(kinds).size === kinds.length, '情况类型不能重复'),
  /** "In danger now": the page says 请立即拨打110 before and after sending, and the report is handled first. */
  urgent: z.boolean(),
  description: multiLineText(DESCRIPTION_MAX),
};

/** From a signed-in user: the child is one of theirs or described. Their account is the contact. */
export const staffConcernInputSchema = z.object({ child: concernChildSchema, ...reportFields }).strict();
export type StaffConcernInput = z.infer<typeof staffConcernInputSchema>;

/**
 * From anyone, without an account: never a known child's id (the public route must not reveal, or let anyone probe,
 * which children the system holds), so the place is required. Name and phone are optional; both empty is anonymous.
 */
export const publicConcernInputSchema = z
  .object({
    childDescription: multiLineText(UNKNOWN_CHILD_MAX),
    ...reportFields,
    villageId: idSchema,
    reporterName: singleLineText(50).nullable().default(null),
    reporterPhone: contactPhoneSchema.nullable().default(null),
  })
  .strict();
export type PublicConcernInput = z.infer<typeof publicConcernInputSchema>;

const instantSchema = z.iso.datetime({ offset: true });

/** One dated step of the trail; the first is the report itself (from null). `byUserId` null: the public or the system. */
export const concernStepSchema = z
  .object({
    at: instantSchema,
    byUserId: idSchema.nullable(),
    from: concernStatusSchema.nullable(),
    to: concernStatusSchema,
    note: multiLineText(1000, { min: 0 }),
  })
  .strict();
export type ConcernStep = z.infer<typeof concernStepSchema>;

export const concernSchema = z
  .object({
    id: idSchema,
    channel: z.enum(concernChannels),
    child: concernChildSchema,
    path: regionPathSchema,
    location: visitLocationSchema.nullable(),
    kinds: z.array(concernKindSchema).min(1),
    urgent: z.boolean(),
    description: multiLineText(DESCRIPTION_MAX),
    /** Never shown to the child's family; null fields for an anonymous report. */
    reporter: z
      .object({ userId: idSchema.nullable(), name: singleLineText(50).nullable(), phone: contactPhoneSchema.nullable() })
      .strict(),
    status: concernStatusSchema,
    riskLevel: riskLevelSchema.nullable(),
    /** R17: what the reporter is told when it closes. */
    closingFeedback: multiLineText(1000).nullable(),
    /** Set when an urgent report left unacknowledged was raised by its deadline. */
    raisedTo: z.enum(['town', 'district']).nullable(),
    trail: z.array(concernStepSchema).min(1),
    createdAt: instantSchema,
    updatedAt: instantSchema,
    version: z.number().int().positive(),
  })
  .strict();
export type Concern = z.infer<typeof concernSchema>;

export interface NewConcern {
  id: string;
  channel: ConcernChannel;
  child: ConcernChild;
  path: RegionPath;
  location: Concern['location'];
  kinds: ConcernKind[];
  urgent: boolean;
  description: string;
  reporter: Concern['reporter'];
}

/** A report as received: the first step of its trail is the report itself. */
export function receiveConcern(report: NewConcern, now: Date): Concern {
  const at = now.toISOString();
  return {
    ...report,
    status: 'received',
    riskLevel: null,
    closingFeedback: null,
    raisedTo: null,
    trail: [{ at, byUserId: report.reporter.userId, from: null, to: 'received', note: '' }],
    createdAt: at,
    updatedAt: at,
    version: 1,
  };
}

/** What a reporter sees with the tracking code (R17): the status and the closing feedback, nothing about any child. */
export interface ConcernStatusView {
  status: ConcernStatus;
  reportedAt: string;
  updatedAt: string;
  closingFeedback: string | null;
}

export function statusViewOf(concern: Concern): ConcernStatusView {
  return {
    status: concern.status,
    reportedAt: concern.createdAt,
    updatedAt: concern.updatedAt,
    closingFeedback: concern.status === 'closed' ? concern.closingFeedback : null,
  };
}
