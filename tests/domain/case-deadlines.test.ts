import { describe, expect, it } from 'vitest';
import {
  caseObligationsOf,
  collectionDueOn,
  earliestClosingOn,
  nextPlanReviewOn,
  noCaseDeadlines,
  stateEvaluationDueOn,
} from '../../functions/src/domain/case-deadlines.js';
import { checkClosing, checkReview, nextStateGuardianship } from '../../functions/src/domain/case-lifecycle.js';
import type { CasePlan } from '../../functions/src/domain/case-plan.js';
import { computeObligations } from '../../functions/src/domain/policy-engine.js';

/** Issue 12: the case's dated rules as tables, "today" passed in (Beijing calendar dates). */
describe('R15: the plan is reviewed every three months', () => {
  it.each([
    ['2026-06-01', '2026-09-01'],
    ['2026-11-30', '2027-02-28'], // month end clamps
    ['2027-11-30', '2028-02-29'], // leap year
    ['2026-12-15', '2027-03-15'], // across the year
  ])('a plan or review on %s is next reviewed on %s', (from, due) => {
    expect(nextPlanReviewOn(from)).toBe(due);
  });
});

describe('R15: closing is announced seven days ahead', () => {
  it.each([
    ['2026-06-01', '2026-06-08'],
    ['2026-02-25', '2026-03-04'],
    ['2026-12-28', '2027-01-04'],
  ])('told on %s, the case closes on %s at the earliest', (told, earliest) => {
    expect(earliestClosingOn(told)).toBe(earliest);
  });

  const plan = { status: 'closingAnnounced', goals: [{ goal: 'g', success: 's' }] } as CasePlan;
  const closing = (closedOn: string) => ({
    closedOn,
    reason: 'goalsReached' as const,
    summary: 's',
    situationAtClosing: 's',
    familyMessage: 'm',
    followUp: { performer: 'director' as const, startsOn: closedOn, interval: { unit: 'month' as const, count: 1 }, endsOn: '2026-12-31' },
  });
  it.each([
    ['2026-06-07', '2026-06-07', 'closedOn'], // a day short of the notice
    ['2026-06-08', '2026-06-07', 'closedOn'], // in the future
  ])('closing on %s (today %s) is refused, naming %s', (closedOn, today, field) => {
    expect(() => checkClosing(plan, '2026-06-01', closing(closedOn), today)).toThrow(expect.objectContaining({ field }));
  });
  it('closing on the seventh day after being told is allowed; never without being told', () => {
    expect(() => checkClosing(plan, '2026-06-01', closing('2026-06-08'), '2026-06-08')).not.toThrow();
    expect(() => checkClosing(plan, null, closing('2026-06-08'), '2026-06-08')).toThrow(/提前告知/);
  });
  it('a review rates each goal of the plan', () => {
    const review = { reviewedOn: '2026-06-01', childChange: 'c', goals: [], resourcesUsed: 'r', nextReviewOn: null };
    expect(() => checkReview({ ...plan, status: 'open' }, review, '2026-06-01')).toThrow(expect.objectContaining({ field: 'goals' }));
    expect(checkReview({ ...plan, status: 'open' }, { ...review, goals: [{ outcome: 'partly', note: '' }] }, '2026-06-01')).toBe('2026-09-01');
  });
});

describe('R22: six months to evaluate, three days to collect', () => {
  it.each([
    ['2026-01-15', '2026-07-15'],
    ['2025-08-31', '2026-02-28'], // month end clamps
    ['2027-08-31', '2028-02-29'], // leap year
    ['2026-12-31', '2027-06-30'],
  ])('placed on %s, evaluated by %s', (placed, due) => {
    expect(stateEvaluationDueOn(placed)).toBe(due);
  });
  it.each([
    ['2026-06-05', '2026-06-08'],
    ['2026-02-27', '2026-03-02'],
    ['2028-02-27', '2028-03-01'], // leap year
    ['2026-12-30', '2027-01-02'],
  ])('cleared on %s, collected by %s', (cleared, due) => {
    expect(collectionDueOn(cleared)).toBe(due);
  });

  it('not cleared: evaluated again within six months of that evaluation; cleared: collected within three days', () => {
    const placed = nextStateGuardianship(null, { step: 'placed', on: '2026-01-10', institution: '福利院' }, 'c-1', '2026-01-10');
    const notCleared = nextStateGuardianship(placed, { step: 'evaluated', on: '2026-05-31', cleared: false, note: '' }, 'c-1', '2026-05-31');
    const cleared = nextStateGuardianship(notCleared, { step: 'evaluated', on: '2026-08-30', cleared: true, note: '' }, 'c-1', '2026-08-30');
    expect([placed.evaluateBy, placed.collectBy]).toEqual(['2026-07-10', null]);
    expect([notCleared.evaluateBy, notCleared.collectBy]).toEqual(['2026-11-30', null]);
    expect([cleared.evaluateBy, cleared.collectBy]).toEqual([null, '2026-09-02']);
    expect(() => nextStateGuardianship(placed, { step: 'collected', on: '2026-02-01', guardianName: 'x' }, 'c-1', '2026-02-01')).toThrow(/尚未评估/);
  });
});

describe('the case deadlines are obligations like the others', () => {
  const child = {
    id: 'c-1',
    registeredOn: '2026-01-01',
    categories: ['leftBehind' as const],
    flags: [],
    riskLevel: 'green' as const,
    followUpTriggers: [],
    status: 'active' as const,
  };

  it('with reasons naming R15 and R22, whatever rules the district chose', () => {
    const deadlines = { ...noCaseDeadlines, planReviewOn: '2026-09-01', stateEvaluationBy: '2026-07-10', collectionBy: null };
    const obligations = computeObligations({ ...child, caseDeadlines: deadlines }, [], {}, '2026-06-01');
    expect(obligations.map((o) => [o.kind, o.dueDate, o.ruleId])).toEqual([
      // R2's yearly assessment binds every child too (yearly-assessment.test.ts).
      ['yearlyAssessment', '2026-02-28', 'R2'],
      ['stateGuardianshipEvaluation', '2026-07-10', 'R22'],
      ['planReview', '2026-09-01', 'R15'],
    ]);
    expect(obligations.every((o) => o.reason.includes(o.ruleId))).toBe(true);
  });

  it.each([
    // today, last follow-up visit, expected due date (null: the agreed follow-up is over)
    ['2026-06-10', undefined, '2026-06-15'],
    ['2026-07-20', '2026-07-15', '2026-08-15'],
    ['2026-08-20', '2026-08-15', '2026-09-15'],
    ['2026-09-20', '2026-09-15', null],
  ])('the follow-up agreed at closing, on %s after a visit on %s, is due on %s', (today, last, due) => {
    const closingFollowUp = { performer: 'director' as const, startsOn: '2026-06-15', interval: { unit: 'month' as const, count: 1 }, endsOn: '2026-09-15' };
    const found = caseObligationsOf('c-1', { ...noCaseDeadlines, closingFollowUp }, last ? { 'followUp:director': last } : {}, today);
    expect(found[0]?.dueDate ?? null).toBe(due);
    if (due) expect(found[0]).toMatchObject({ kind: 'followUp', ruleId: 'R15', endsOn: '2026-09-15' });
  });

  it('says the end of the agreed follow-up as a worker writes a date in the due list, not as stored', () => {
    const closingFollowUp = { performer: 'socialWorker' as const, startsOn: '2026-06-15', interval: { unit: 'month' as const, count: 1 }, endsOn: '2027-06-30' };
    const [found] = caseObligationsOf('c-1', { ...noCaseDeadlines, closingFollowUp }, {}, '2026-06-10');
    expect(found.reason).toBe('结案后跟踪回访：每月一次，至2027年6月30日（R15）');
  });

  it("shares its key with R19's follow-up: the one due first stands, naming the other", () => {
    const closingFollowUp = { performer: 'director' as const, startsOn: '2026-06-20', interval: { unit: 'month' as const, count: 1 }, endsOn: '2026-09-20' };
    const subject = { ...child, followUpTriggers: [{ kind: 'returnedHome' as const, on: '2026-06-01' }], caseDeadlines: { ...noCaseDeadlines, closingFollowUp } };
    const followUps = computeObligations(subject, ['R19'], {}, '2026-06-02').filter((o) => o.kind === 'followUp');
    expect(followUps).toHaveLength(1);
    expect(followUps[0]).toMatchObject({ ruleId: 'R19', dueDate: '2026-06-08', alsoRequiredBy: ['R15'] });
  });
});
