import { laterDate } from './calendar.js';
import type { Child } from './child.js';
import { yearlyAssessmentDue } from './guardianship-assessment.js';
import { obligationKeyOf, type Interval, type LastCompletions, type Obligation } from './obligation.js';
import { reassessmentPerformer } from './visit-rules.js';

/**
 * R2 (000 §五.3, §七): the year's guardianship assessment, due by the end of February, owed by every child in the
 * programme whatever rules its district chose — it is the city project's yearly cycle of the one-child-one-plan, not
 * a visiting rule a district opts into. Completed by recording a guardianship assessment of any kind (first, yearly,
 * reassessment): R2 asks for the assessment form itself, so a visit merely marked 'reassessment' does not count.
 *
 * The performer is R21's (social worker): the form is the execution team's with the social worker as executor
 * (000 §五.3), and R21's six-monthly reassessment "uses the same form", so one person owes both and one recorded
 * assessment completes both (record-assessment.ts). They stay two obligations because they are two rules with their
 * own dates (six months after the last vs. the end of the next February); neither is counted twice, since a single
 * assessment moves both at once.
 */
export const yearlyAssessmentPerformer = reassessmentPerformer;
export const YEARLY_ASSESSMENT_KEY = obligationKeyOf({ kind: 'yearlyAssessment', performer: yearlyAssessmentPerformer });

/** Once a year; the due date itself is always an end of February (yearlyAssessmentDue), not last + 12 months. */
const YEARLY: Interval = { unit: 'month', count: 12 };

export type YearlyAssessmentSubject = Pick<Child, 'id' | 'registeredOn' | 'riskBasis'>;

/**
 * The day of the child's latest assessment: the completion the assessment wrote, or, for one recorded before the
 * yearly obligation existed, the assessment the child's risk level still rests on.
 */
export function lastAssessedOn(child: Pick<Child, 'riskBasis'>, last: LastCompletions): string | null {
  const basis = child.riskBasis?.kind === 'assessment' ? child.riskBasis.heldOn : undefined;
  const completed = last[YEARLY_ASSESSMENT_KEY];
  if (basis && completed) return laterDate(basis, completed);
  return basis ?? completed ?? null;
}

export function yearlyAssessmentObligationOf(child: YearlyAssessmentSubject, last: LastCompletions): Obligation {
  const lastCompletedOn = lastAssessedOn(child, last);
  return {
    childId: child.id,
    kind: 'yearlyAssessment',
    performer: yearlyAssessmentPerformer,
    interval: YEARLY,
    dueDate: yearlyAssessmentDue(lastCompletedOn, child.registeredOn),
    lastCompletedOn,
    ruleId: 'R2',
    reason: lastCompletedOn === null ? '首次评估：执行团队三人共同入户评估，须在二月底前完成（R2）' : '年度评估：每年二月底前完成监护评估（R2）',
    alsoRequiredBy: [],
    endsOn: null,
  };
}
