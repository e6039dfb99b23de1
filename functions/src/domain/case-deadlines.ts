import { z } from 'zod';
import { addDays, addInterval, addMonths, laterDate } from './calendar.js';
import { eventDateSchema } from './date-bounds.js';
import { intervalSchema, obligationKeyOf, performerSchema, type Interval, type LastCompletions, type Obligation } from './obligation.js';

/**
 * The dated duties a child's case sets itself, beside the district's visit rules: R15's periodic review of the plan
 * and the follow-up agreed at closing, R22's deadlines of temporary state guardianship. They are kept on the child
 * (`caseDeadlines`) so that every recomputation of its obligations (a visit, a policy change) keeps them; the case's
 * use cases move them. They bind whatever the district chose: R22 is the ministry's guideline, R15's dates are the
 * plan's own.
 */

/** R15: a plan is reviewed every three months unless the review sets another date — a quarter matches the
 * district's quarterly dispatch (R24) and is half of R21's six-monthly reassessment, so a review sits between two. */
export const PLAN_REVIEW_INTERVAL: Interval = { unit: 'month', count: 3 };
/** R15: closing is announced to the family in advance; seven days is time to ask questions or object before the file closes. */
export const CLOSING_NOTICE_DAYS = 7;
/** R22: evaluated for return home within six months of placement (calendar months, clamped at month ends). */
export const STATE_EVALUATION_MONTHS = 6;
/** R22: once cleared, the guardian collects the child within three days. */
export const COLLECTION_DAYS = 3;

export const closingFollowUpSchema = z
  .object({
    performer: performerSchema,
    startsOn: eventDateSchema,
    interval: intervalSchema,
    endsOn: eventDateSchema,
  })
  .strict()
  .refine((f) => f.endsOn >= f.startsOn, { message: '跟踪结束日期不能早于开始日期', path: ['endsOn'] });
export type ClosingFollowUp = z.infer<typeof closingFollowUpSchema>;

export const caseDeadlinesSchema = z
  .object({
    /** R15: the current plan's next review. */
    planReviewOn: eventDateSchema.nullable(),
    /** R22: the evaluation for return home. */
    stateEvaluationBy: eventDateSchema.nullable(),
    /** R22: the guardian collects the cleared child by then. */
    collectionBy: eventDateSchema.nullable(),
    /** R15: the follow-up agreed at closing. */
    closingFollowUp: closingFollowUpSchema.nullable(),
  })
  .strict();
export type CaseDeadlines = z.infer<typeof caseDeadlinesSchema>;

export const noCaseDeadlines: CaseDeadlines = { planReviewOn: null, stateEvaluationBy: null, collectionBy: null, closingFollowUp: null };

export function nextPlanReviewOn(from: string): string {
  return addInterval(from, PLAN_REVIEW_INTERVAL);
}

/** R15: the first day the case may close, given the day the family was told. */
export function earliestClosingOn(toldOn: string): string {
  return addDays(toldOn, CLOSING_NOTICE_DAYS);
}

/** R22: the evaluation is due six calendar months after placement (08-31 → 02-28 or 02-29). */
export function stateEvaluationDueOn(placedOn: string): string {
  return addMonths(placedOn, STATE_EVALUATION_MONTHS);
}

/** R22: collection is due three days after the evaluation cleared the return (across month and year ends). */
export function collectionDueOn(clearedOn: string): string {
  return addDays(clearedOn, COLLECTION_DAYS);
}

/** The end of the follow-up as the worker reads it in the due list (2027年6月30日), not as stored. */
function writtenDate(date: string): string {
  const [year, month, day] = date.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}

function unitWords(interval: Interval): string {
  if (interval.unit === 'day') return interval.count === 7 ? '每周' : `每${interval.count}天`;
  return interval.count === 1 ? '每月' : `每${interval.count}个月`;
}

/**
 * The obligations the case's deadlines give on `today`. The agreed follow-up runs like R19's: counting from the
 * later of its start and the last follow-up visit, due no later than its end, gone once the next one would fall
 * after it.
 */
export function caseObligationsOf(childId: string, deadlines: CaseDeadlines | undefined, last: LastCompletions, today: string): Obligation[] {
  if (!deadlines) return [];
  const dated = (kind: Obligation['kind'], interval: Interval, dueDate: string, ruleId: 'R15' | 'R22', reason: string): Obligation => ({
    childId,
    kind,
    performer: 'socialWorker',
    interval,
    dueDate,
    lastCompletedOn: null,
    ruleId,
    reason,
    alsoRequiredBy: [],
    endsOn: null,
  });
  const out: Obligation[] = [];
  if (deadlines.planReviewOn) {
    out.push(dated('planReview', PLAN_REVIEW_INTERVAL, deadlines.planReviewOn, 'R15', '个案服务计划：定期评估计划执行情况（R15）'));
  }
  if (deadlines.stateEvaluationBy) {
    out.push(
      dated('stateGuardianshipEvaluation', { unit: 'month', count: STATE_EVALUATION_MONTHS }, deadlines.stateEvaluationBy, 'R22', '临时监护：六个月内评估能否回归家庭（R22）'),
    );
  }
  if (deadlines.collectionBy) {
    out.push(dated('guardianCollection', { unit: 'day', count: COLLECTION_DAYS }, deadlines.collectionBy, 'R22', '评估准予回归：监护人须在三日内领回儿童（R22）'));
  }
  const followUp = deadlines.closingFollowUp;
  if (followUp && today <= followUp.endsOn) {
    const key = obligationKeyOf({ kind: 'followUp', performer: followUp.performer });
    const done = last[key];
    const due = done && done >= followUp.startsOn ? addInterval(done, followUp.interval) : followUp.startsOn;
    if (due <= followUp.endsOn) {
      out.push({
        childId,
        kind: 'followUp',
        performer: followUp.performer,
        interval: followUp.interval,
        dueDate: laterDate(due, followUp.startsOn),
        lastCompletedOn: done ?? null,
        ruleId: 'R15',
        reason: `结案后跟踪回访：${unitWords(followUp.interval)}一次，至${writtenDate(followUp.endsOn)}（R15）`,
        alsoRequiredBy: [],
        endsOn: followUp.endsOn,
      });
    }
  }
  return out;
}
