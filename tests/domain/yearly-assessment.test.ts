import { describe, expect, it } from 'vitest';
import type { RiskBasis } from '../../functions/src/domain/risk-basis.js';
import type { Obligation, VisitRuleId } from '../../functions/src/domain/obligation.js';
import { computeObligations, type LastCompletions } from '../../functions/src/domain/policy-engine.js';
import { visitRuleById } from '../../functions/src/domain/visit-rules.js';
import { YEARLY_ASSESSMENT_KEY } from '../../functions/src/domain/yearly-assessment.js';
import { policySubject } from './policy-fixtures.js';

/**
 * R2 (000 §五.3, §七): the year's guardianship assessment is an obligation of every child, due by the end of
 * February (Beijing years); any recorded assessment completes it. "today" is injected into the engine.
 */
const assessed = (on: string): LastCompletions => ({ [YEARLY_ASSESSMENT_KEY]: on });

function yearlyOf(subject: Parameters<typeof policySubject>[0], last: LastCompletions, today: string, ruleIds: readonly VisitRuleId[] = []): Obligation | undefined {
  return computeObligations(policySubject(subject), ruleIds, last, today).find((o) => o.kind === 'yearlyAssessment');
}

describe('R2: every child owes the year’s assessment by the end of February', () => {
  it.each<[string, string, LastCompletions, string, string, string | null]>([
    // name, registered, completions, today, due, last completed
    ['registered in January, never assessed: this February', '2026-01-05', {}, '2026-01-20', '2026-02-28', null],
    ['registered in January, never assessed, in November: overdue since February', '2026-01-05', {}, '2026-11-20', '2026-02-28', null],
    ['registered in March, never assessed: next February', '2026-03-10', {}, '2026-11-20', '2027-02-28', null],
    ['registered in December: not overdue for the February before it existed', '2026-12-20', {}, '2026-12-21', '2027-02-28', null],
    ['registered in 2027, never assessed: the leap February of 2028', '2027-04-01', {}, '2027-04-02', '2028-02-29', null],
    ['assessed this year: next year’s February', '2026-01-05', assessed('2026-02-10'), '2026-11-20', '2027-02-28', '2026-02-10'],
    ['assessed this year, next year leap', '2026-01-05', assessed('2027-03-15'), '2027-12-31', '2028-02-29', '2027-03-15'],
    ['assessed last year and not since: overdue since this February', '2025-01-05', assessed('2025-02-20'), '2026-11-20', '2026-02-28', '2025-02-20'],
    ['assessed on 29 February 2028: by the end of February 2029', '2026-01-05', assessed('2028-02-29'), '2028-03-01', '2029-02-28', '2028-02-29'],
  ])('%s', (_name, registeredOn, last, today, dueDate, lastCompletedOn) => {
    expect(yearlyOf({ registeredOn }, last, today)).toMatchObject({ dueDate, lastCompletedOn, ruleId: 'R2', endsOn: null });
  });

  it('binds whatever rules the district chose, once, by R21’s assessor (the social worker)', () => {
    for (const ruleIds of [[], ['R19', 'R20', 'R21'], ['R3', 'R11', 'R14', 'R19', 'R20', 'R21']] as VisitRuleId[][]) {
      const yearly = computeObligations(policySubject(), ruleIds, {}, '2026-11-20').filter((o) => o.ruleId === 'R2');
      expect(yearly.map((o) => `${o.kind}:${o.performer} ${o.dueDate}`)).toEqual(['yearlyAssessment:socialWorker 2026-02-28']);
    }
    expect(visitRuleById.R21.parameters.performer).toBe('socialWorker');
  });

  it('says why in words: the first assessment by the whole team, then every February', () => {
    expect(yearlyOf({}, {}, '2026-11-20')?.reason).toBe('首次评估：执行团队三人共同入户评估，须在二月底前完成（R2）');
    expect(yearlyOf({}, assessed('2026-03-01'), '2026-11-20')?.reason).toBe('年度评估：每年二月底前完成监护评估（R2）');
  });

  it('a closed child owes none', () => {
    expect(yearlyOf({ status: 'closed' }, {}, '2026-11-20')).toBeUndefined();
  });

  it('an assessment recorded before the obligation existed counts through the risk level’s basis', () => {
    const riskBasis: RiskBasis = { kind: 'assessment', assessmentId: 'as-1', heldOn: '2026-04-02', assessmentKind: 'first' };
    expect(yearlyOf({ riskBasis }, {}, '2026-11-20')).toMatchObject({ dueDate: '2027-02-28', lastCompletedOn: '2026-04-02' });
    // A later completion wins over an older basis, and an override (no date of its own) leaves the completion alone.
    expect(yearlyOf({ riskBasis }, assessed('2026-10-01'), '2026-11-20')?.lastCompletedOn).toBe('2026-10-01');
    const override: RiskBasis = { kind: 'override', reason: '家庭变故', byUserId: 'u-sup', at: '2026-10-05T02:00:00.000Z' };
    expect(yearlyOf({ riskBasis: override }, assessed('2026-03-01'), '2026-11-20')?.dueDate).toBe('2027-02-28');
  });
});

describe('R2 beside R21’s six-monthly reassessment (the same form, one assessment completes both)', () => {
  const orphan = { categories: ['orphan' as const] };
  const both = (last: LastCompletions, today: string) =>
    computeObligations(policySubject(orphan), ['R21'], last, today)
      .filter((o) => o.kind === 'reassessment' || o.kind === 'yearlyAssessment')
      .map((o) => `${o.kind} ${o.dueDate}`);
  const assessedOn = (on: string): LastCompletions => ({ 'reassessment:socialWorker': on, [YEARLY_ASSESSMENT_KEY]: on });

  it.each<[string, LastCompletions, string, string[]]>([
    ['never assessed: the yearly in February, the reassessment six months after registration', {}, '2026-01-20', ['yearlyAssessment 2026-02-28', 'reassessment 2026-07-05']],
    ['assessed in March: the reassessment in September, the yearly next February', assessedOn('2026-03-15'), '2026-04-01', ['reassessment 2026-09-15', 'yearlyAssessment 2027-02-28']],
    ['assessed on 31 August: both on the last day of the next February', assessedOn('2026-08-31'), '2026-09-01', ['reassessment 2027-02-28', 'yearlyAssessment 2027-02-28']],
    ['assessed on 31 August 2027: both on 29 February 2028', assessedOn('2027-08-31'), '2027-09-01', ['reassessment 2028-02-29', 'yearlyAssessment 2028-02-29']],
    ['assessed in November: the yearly first, the reassessment in May', assessedOn('2026-11-10'), '2026-11-20', ['yearlyAssessment 2027-02-28', 'reassessment 2027-05-10']],
    // A home visit marked 'reassessment' completes R21 only: R2 asks for the assessment form itself.
    ['a reassessment visit without a recorded form', { 'reassessment:socialWorker': '2026-10-01' }, '2026-10-02', ['yearlyAssessment 2026-02-28', 'reassessment 2027-04-01']],
  ])('%s', (_name, last, today, expected) => {
    expect(both(last, today)).toEqual(expected);
  });
});
