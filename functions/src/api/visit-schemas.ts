import { z } from '@hono/zod-openapi';
import { inboxItemSchema } from '../domain/inbox-views.js';
import { districtPolicySchema, obligationSchema, visitRuleIdSchema } from '../domain/obligation.js';
import { policyRefreshSchema } from '../domain/policy-refresh.js';
import { idSchema } from '../domain/region.js';
import { correctableVisitFields, visitSchema } from '../domain/visit.js';
import { childListQuerySchema } from './schemas.js';

/** Issue 3's request and response shapes beyond the domain's own (notes/VISITS-API.md); explicit fields only. */

/**
 * A correction or withdrawal as a reader sees it (issue 7, B3): when, by whom, which fields it changed; the reason
 * for those the access policy lets read it. A guardian is shown only the changes of fields they see.
 */
export const correctionViewSchema = z.object({
  kind: z.enum(['corrected', 'withdrawn']),
  at: z.string(),
  byUserId: idSchema,
  reason: z.string().optional(),
  changedFields: z.array(z.enum(correctableVisitFields)),
});
export type CorrectionView = z.infer<typeof correctionViewSchema>;

/** A visit as one reader may see it, with the names of the people who came. */
export const visitViewSchema = visitSchema
  .omit({ corrections: true, obligationsMet: true, organizationId: true })
  .partial({ notes: true, problemsFound: true, r3: true, location: true, locationMissing: true, asRecorded: true })
  .extend({ participantNames: z.array(z.string()), corrections: z.array(correctionViewSchema) });
export type VisitView = z.infer<typeof visitViewSchema>;

/**
 * One visit's page (issue 7, B1): the visit as the reader may see it, the child's and the village's names, the names
 * of everyone it mentions (who recorded, answered, settled, corrected it) and what the reader may do with it now.
 */
export const visitDetailSchema = visitViewSchema.extend({
  childName: z.string(),
  /** The village the visit was made in, by name ('' when unknown). */
  villageName: z.string(),
  names: z.record(z.string(), z.string()),
  actions: z.object({
    answer: z.boolean(),
    settle: z.boolean(),
    amend: z.boolean(),
    /** While `amend`: the last instant the author may correct or withdraw the visit. */
    amendUntil: z.string().nullable(),
  }),
});
export type VisitDetailView = z.infer<typeof visitDetailSchema>;

export const visitPageSchema = z.object({ items: z.array(visitViewSchema), nextCursor: z.string().nullable() });
export const pendingVisitListSchema = z.object({ items: z.array(visitViewSchema.extend({ childName: z.string() })) });
export const attentionVisitListSchema = z.object({
  items: z.array(
    visitViewSchema.extend({ childName: z.string(), villageName: z.string(), pendingDays: z.number().int().nonnegative() }),
  ),
});

export const dueItemSchema = obligationSchema.extend({
  childName: z.string(),
  villageName: z.string(),
  /** The team member whose duty it is; null while the child has no team (listed for the town only). */
  assigneeId: idSchema.nullable(),
  /** Their name, for lists that show whose duty it is (issue 7, B7). */
  assigneeName: z.string().nullable(),
  /** Days past due on today in Beijing; 0 when not yet due. */
  overdueDays: z.number().int().nonnegative(),
});
export type DueItem = z.infer<typeof dueItemSchema>;
export const dueListSchema = z.object({ items: z.array(dueItemSchema) });

export const chainIntegritySchema = z.object({
  intact: z.boolean(),
  entries: z.number().int().nonnegative(),
  firstBrokenSequence: z.number().int().positive().nullable(),
});

/**
 * How far the recomputation of the district's children under its latest policy has come (issue 9, part 2): the
 * officer's progress bar. Null for a district whose policy has not changed since the job exists. Until `done`, the
 * children not yet reached are still due what the policy before asked.
 */
export const policyRefreshViewSchema = policyRefreshSchema.pick({ policyVersion: true, status: true, done: true, total: true, startedAt: true, finishedAt: true });
export type PolicyRefreshView = z.infer<typeof policyRefreshViewSchema>;

/**
 * A stored policy, or the national rules of a district that never chose (version 0, no author, `chosen` false: the
 * pages ask its officer to choose).
 */
export const policyViewSchema = districtPolicySchema.extend({
  updatedAt: districtPolicySchema.shape.updatedAt.nullable(),
  updatedBy: idSchema.nullable(),
  version: z.number().int().nonnegative(),
  chosen: z.boolean(),
  refresh: policyRefreshViewSchema.nullable(),
});
export type PolicyView = z.infer<typeof policyViewSchema>;


const count = z.number().int().nonnegative();

/** What saving the proposed rules would move across the district's children (counts only, nothing written). */
export const policyPreviewSchema = z.object({
  districtId: idSchema,
  /** The policy version the preview was computed against (0: the national rules, never chosen). */
  version: count,
  childrenTotal: count,
  childrenAffected: count,
  obligations: z.object({ added: count, removed: count, dueDateMoved: count }),
});

export const ruleCatalogueSchema = z.object({
  rules: z.array(z.object({ id: visitRuleIdSchema, seed: z.string(), title: z.string(), description: z.string() })),
});

/** Every role's inbox (issue 7, B8): the newest messages, each about its child and visit as the reader may see them. */
export const inboxListSchema = z.object({ items: z.array(inboxItemSchema), unread: z.number().int().nonnegative() });
export const unreadCountSchema = z.object({ count: z.number().int().nonnegative() });
export const childCountSchema = z.object({ count: z.number().int().nonnegative() });

export const visitListQuerySchema = childListQuerySchema;
export const MAX_DUE_WITHIN_DAYS = 62;
export const dueWithinQuerySchema = z
  .object({ within: z.coerce.number().int().min(0).max(MAX_DUE_WITHIN_DAYS).default(14) })
  .strict();
export const townDayQuerySchema = z.object({ date: z.iso.date().optional() }).strict();
export const attentionQuerySchema = z.object({ state: z.enum(['disputed', 'unconfirmed']) }).strict();

export const childVisitParamsSchema = z.object({ id: idSchema, visitId: idSchema });
export const townParamsSchema = z.object({ townId: idSchema });
export const districtParamsSchema = z.object({ districtId: idSchema });
export const inboxParamsSchema = z.object({ id: idSchema });

/** OWASP API4: the lists across children are capped; a town has far fewer disputed visits than this. */
export const ATTENTION_LIST_LIMIT = 200;
