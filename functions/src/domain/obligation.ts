import { z } from 'zod';
import { acknowledgeLimitsSchema } from './acknowledge-limits.js';
import { idSchema } from './region.js';

/**
 * What the policy engine says must happen for a child, and why (ARCHITECTURE.md, "Flow of one visit", step 1).
 * The engine itself is in policy-engine.ts; the rules as data in visit-rules.ts.
 */
export const visitRuleIds = ['R3', 'R11', 'R14', 'R19', 'R20', 'R21'] as const;
export const visitRuleIdSchema = z.enum(visitRuleIds);
export type VisitRuleId = z.infer<typeof visitRuleIdSchema>;

/** Chosen rules in catalogue order, each once, so that equal choices are stored and compared alike. */
export function inCatalogueOrder(ruleIds: readonly VisitRuleId[]): VisitRuleId[] {
  return visitRuleIds.filter((id) => ruleIds.includes(id));
}

/**
 * planReview (R15), stateGuardianshipEvaluation and guardianCollection (R22) come from the case, not the visit rules
 * (case-deadlines.ts); yearlyAssessment (R2) binds every child in the programme (yearly-assessment.ts).
 */
export const obligationKinds = [
  'homeVisit',
  'contact',
  'reassessment',
  'yearlyAssessment',
  'followUp',
  'planReview',
  'stateGuardianshipEvaluation',
  'guardianCollection',
] as const;
/** The rules an obligation may cite: the district's visit rules, the year's assessment (R2) and the case's own deadlines (R15, R22). */
export const obligationRuleIdSchema = z.enum([...visitRuleIds, 'R2', 'R15', 'R22']);
export type ObligationRuleId = z.infer<typeof obligationRuleIdSchema>;

export const obligationKindSchema = z.enum(obligationKinds);
export type ObligationKind = z.infer<typeof obligationKindSchema>;

/** The team member whose duty it is (R1 roles): R3 binds the social worker, R11 the children's director. */
export const performers = ['socialWorker', 'director'] as const;
export const performerSchema = z.enum(performers);
export type Performer = z.infer<typeof performerSchema>;

/** Calendar intervals: "monthly" is a calendar month, "twice a month" half of one (15 days), "weekly" 7 days. */
export const intervalSchema = z
  .object({ unit: z.enum(['day', 'month']), count: z.number().int().positive().max(24) })
  .strict();
export type Interval = z.infer<typeof intervalSchema>;

export const obligationSchema = z
  .object({
    childId: idSchema,
    kind: obligationKindSchema,
    performer: performerSchema,
    interval: intervalSchema,
    /** YYYY-MM-DD in Beijing time: last completion (or registration, or the trigger) plus the interval. */
    dueDate: z.iso.date(),
    lastCompletedOn: z.iso.date().nullable(),
    /** The rule whose interval is the strictest, i.e. the one that made this due. */
    ruleId: obligationRuleIdSchema,
    /** Chinese sentence naming the rule, e.g. 红色等级：每月入户一次（R14）. */
    reason: z.string(),
    /** Other rules that demand the same, less strictly. */
    alsoRequiredBy: z.array(obligationRuleIdSchema),
    /** R19 follow-ups end after their period; null for standing obligations. */
    endsOn: z.iso.date().nullable(),
  })
  .strict();
export type Obligation = z.infer<typeof obligationSchema>;

/** The date (YYYY-MM-DD, Beijing) each obligation was last completed, keyed by `obligationKeyOf`. */
export type LastCompletions = Partial<Record<string, string>>;

/** The obligations of one child are keyed by what is to be done and by whom. */
export function obligationKeyOf(o: Pick<Obligation, 'kind' | 'performer'>): string {
  return `${o.kind}:${o.performer}`;
}

/** A district's choice of rules (DOMAIN.md: "A district chooses which of these rules apply"). */
export const districtPolicySchema = z
  .object({
    districtId: idSchema,
    ruleIds: z.array(visitRuleIdSchema).max(visitRuleIds.length),
    /** Visits the guardian has neither confirmed nor disputed after this many days are listed for follow-up. */
    unconfirmedAfterDays: z.number().int().min(1).max(30),
    /** Issue 8: how long each level has to acknowledge a difficult case or an urgent report; unset: the defaults. */
    acknowledgeLimits: acknowledgeLimitsSchema.optional(),
    updatedAt: z.iso.datetime({ offset: true }),
    updatedBy: idSchema,
    version: z.number().int().positive(),
  })
  .strict();
export type DistrictPolicy = z.infer<typeof districtPolicySchema>;

export const updateDistrictPolicyInputSchema = z
  .object({
    ruleIds: districtPolicySchema.shape.ruleIds.refine((ids) => new Set(ids).size === ids.length, '每条规则只能选一次'),
    unconfirmedAfterDays: districtPolicySchema.shape.unconfirmedAfterDays,
    /** Left out, the stored limits stay: a client that does not know them does not reset them. */
    acknowledgeLimits: acknowledgeLimitsSchema.optional(),
    version: z.number().int().nonnegative(),
  })
  .strict();
export type UpdateDistrictPolicyInput = z.infer<typeof updateDistrictPolicyInputSchema>;
