import { describe, expect, it } from 'vitest';
import type { Team } from '../../functions/src/domain/child.js';
import type { FollowUpTrigger } from '../../functions/src/domain/follow-up.js';
import { visitRuleIds, type Obligation, type VisitRuleId } from '../../functions/src/domain/obligation.js';
import { computeObligations, obligationKeysCompletedBy, type LastCompletions } from '../../functions/src/domain/policy-engine.js';
import { shanghaiDate } from '../../functions/src/domain/time.js';
import type { Visit } from '../../functions/src/domain/visit.js';
import { policySubject, ruleObligationsOf, today } from './policy-fixtures.js';

const allRules = [...visitRuleIds];

function summaryOf(o: Obligation): string {
  return `${o.kind}:${o.performer} ${o.dueDate} ${o.ruleId}${o.alsoRequiredBy.length ? ` +${o.alsoRequiredBy.join(',')}` : ''}`;
}

function obligationOf(key: string, ruleIds: readonly VisitRuleId[], attributes: Parameters<typeof policySubject>[0], last: LastCompletions = {}) {
  return computeObligations(policySubject(attributes), ruleIds, last, today).find((o) => `${o.kind}:${o.performer}` === key);
}

describe('where several rules demand the same, the strictest interval wins and the others are named', () => {
  it.each<[string, readonly VisitRuleId[], Parameters<typeof policySubject>[0], string, VisitRuleId, VisitRuleId[], string]>([
    ['R3 monthly beats R14 yellow (half-yearly)', ['R3', 'R14'], { riskLevel: 'yellow' }, 'homeVisit:socialWorker', 'R3', ['R14'], '家庭监护支持：社工每月至少入户走访一次（R3）'],
    ['R3 and R14 red tie monthly: R3 is listed first in the catalogue', ['R14', 'R3'], { riskLevel: 'red' }, 'homeVisit:socialWorker', 'R3', ['R14'], '家庭监护支持：社工每月至少入户走访一次（R3）'],
    ['R20 twice a month beats R11 every two months', ['R11', 'R20'], { flags: ['poverty'] }, 'homeVisit:director', 'R20', ['R11'], '家庭贫困：每月至少两次预防性走访（R20）'],
    ['R20 twice a month beats R11 monthly for a disabled child', ['R11', 'R20'], { flags: ['childDisabled'] }, 'homeVisit:director', 'R20', ['R11'], '残疾儿童：每月至少两次预防性走访（R20）'],
    ['R11 monthly ties R20 monthly: R11 is listed first', ['R20', 'R11'], { flags: ['outOfSchool', 'psychologicalOrBehavioural'] }, 'homeVisit:director', 'R11', ['R20'], '心理或行为异常：儿童主任每月至少入户走访一次（R11）'],
    ['R20 monthly beats R11 every two months', ['R11', 'R20'], { flags: ['outOfSchool'] }, 'homeVisit:director', 'R20', ['R11'], '失学辍学：每月至少一次预防性走访（R20）'],
    ['R14 alone still demands its half-yearly visit', ['R14'], { riskLevel: 'green' }, 'homeVisit:socialWorker', 'R14', [], '绿色等级：每半年入户一次（R14）'],
  ])('%s', (_, ruleIds, attributes, key, ruleId, alsoRequiredBy, reason) => {
    expect(obligationOf(key, ruleIds, attributes)).toMatchObject({ ruleId, alsoRequiredBy, reason });
  });

  it('the due date is the winner’s, counted from the same last completion', () => {
    const last = { 'homeVisit:director': '2026-11-01' };
    expect(obligationOf('homeVisit:director', ['R11'], { flags: ['poverty'] }, last)?.dueDate).toBe('2027-01-01');
    expect(obligationOf('homeVisit:director', ['R11', 'R20'], { flags: ['poverty'] }, last)?.dueDate).toBe('2026-11-16');
  });

  it('a rule is named once in alsoRequiredBy even when several of its parts apply', () => {
    const o = obligationOf('homeVisit:director', ['R11', 'R20'], { flags: ['childDisabled', 'parentSevereDisability', 'poverty'] });
    expect([o?.ruleId, o?.alsoRequiredBy]).toEqual(['R20', ['R11']]);
  });
});

describe('a whole policy on one child', () => {
  const child = policySubject({
    categories: ['orphan', 'leftBehind'],
    flags: ['parentSevereDisability'],
    riskLevel: 'red',
    followUpTriggers: [{ kind: 'returnedHome', on: '2026-11-09' }],
  });
  const last: LastCompletions = { 'homeVisit:socialWorker': '2026-11-02', 'contact:director': '2026-11-15' };

  it('gives one obligation per (kind, performer), sorted by due date, then kind, then performer', () => {
    expect(computeObligations(child, allRules, last, today).map(summaryOf)).toEqual([
      'homeVisit:director 2026-01-20 R20 +R11',
      // R2: never assessed, registered 2026-01-05: the year's assessment by the end of that February.
      'yearlyAssessment:socialWorker 2026-02-28 R2',
      'reassessment:socialWorker 2026-07-05 R21',
      'followUp:director 2026-11-16 R19',
      'contact:director 2026-11-29 R11',
      'homeVisit:socialWorker 2026-12-02 R3 +R14',
    ]);
  });

  it('echoes the last completion and gives standing obligations no end', () => {
    const visit = computeObligations(child, allRules, last, today).find((o) => o.kind === 'homeVisit' && o.performer === 'socialWorker');
    expect(visit).toMatchObject({ lastCompletedOn: '2026-11-02', endsOn: null, childId: 'ch-1' });
  });

  it('sorts equal due dates by kind, then performer, in their enum order', () => {
    const plain = policySubject({ riskLevel: 'red' });
    expect(computeObligations(plain, ['R3', 'R11'], {}, today).map(summaryOf)).toEqual([
      'homeVisit:socialWorker 2026-02-05 R3',
      'contact:director 2026-02-05 R11',
      'yearlyAssessment:socialWorker 2026-02-28 R2',
      'homeVisit:director 2026-03-05 R11',
    ]);
  });

  it('a visit recorded before registration does not pull the first due date before registration', () => {
    const o = obligationOf('homeVisit:socialWorker', ['R3'], { registeredOn: '2026-01-05' }, { 'homeVisit:socialWorker': '2025-12-20' });
    expect([o?.dueDate, o?.lastCompletedOn]).toEqual(['2026-02-05', '2025-12-20']);
  });

  it('a closed child has no obligations', () => {
    expect(computeObligations({ ...child, status: 'closed' }, allRules, last, today)).toEqual([]);
  });

  it('an empty policy demands nothing but R2’s yearly assessment, which binds every child', () => {
    expect(computeObligations(child, [], last, today).map(summaryOf)).toEqual(['yearlyAssessment:socialWorker 2026-02-28 R2']);
  });
});

describe('R19 follow-ups start at their trigger and end after their period', () => {
  const returned: FollowUpTrigger = { kind: 'returnedHome', on: '2026-11-09' };
  const followUp = (triggers: FollowUpTrigger[], on: string, last: LastCompletions = {}, registeredOn = '2026-01-05') =>
    ruleObligationsOf(policySubject({ followUpTriggers: triggers, registeredOn }), ['R19'], last, on);

  it.each<[string, string, LastCompletions, string | null]>([
    ['not before the trigger', '2026-11-08', {}, null],
    ['from the trigger day, a week after it', '2026-11-09', {}, '2026-11-16'],
    ['a week after the last follow-up', '2026-11-20', { 'followUp:director': '2026-11-18' }, '2026-11-25'],
    ['a follow-up done for an earlier event does not count', '2026-11-20', { 'followUp:director': '2025-06-01' }, '2026-11-16'],
    ['on the last day of the period, when a visit falls due on it', '2026-12-09', { 'followUp:director': '2026-12-02' }, '2026-12-09'],
    ['not once the next visit would fall after the period', '2026-12-06', { 'followUp:director': '2026-12-05' }, null],
    ['not after the period, even if a visit was missed', '2026-12-10', {}, null],
  ])('%s (today %s)', (_, on, last, dueDate) => {
    const found = followUp([returned], on, last);
    expect(found.map((o) => o.dueDate)).toEqual(dueDate ? [dueDate] : []);
    if (dueDate) expect(found[0].endsOn).toBe('2026-12-09');
  });

  it('for a child registered after the trigger, counts from registration', () => {
    expect(followUp([returned], '2026-11-20', {}, '2026-11-15').map((o) => o.dueDate)).toEqual(['2026-11-22']);
  });

  it('ends on the same day of the month, clamped to the end of a shorter month', () => {
    const revoked: FollowUpTrigger = { kind: 'guardianshipRevoked', on: '2026-08-31', reason: 'abuseOrViolence' };
    expect(followUp([revoked], '2026-09-01').map((o) => o.endsOn)).toEqual(['2027-02-28']);
  });

  it('with two triggers running, the earlier due date leads; the other takes over when the first ends', () => {
    const revoked: FollowUpTrigger = { kind: 'guardianshipRevoked', on: '2026-11-15', reason: 'sexualAbuse' };
    const [during] = followUp([returned, revoked], '2026-11-20');
    expect([during.dueDate, during.endsOn, during.reason]).toEqual(['2026-11-16', '2026-12-09', '被监护人领回家庭：每周至少跟踪回访一次，持续1个月（R19）']);
    const [after] = followUp([returned, revoked], '2026-12-20', { 'followUp:director': '2026-12-14' });
    expect([after.dueDate, after.endsOn, after.alsoRequiredBy]).toEqual(['2026-12-21', '2027-05-15', []]);
  });
});

describe('dates are Beijing calendar dates', () => {
  const dueAfter = (instant: string) =>
    ruleObligationsOf(policySubject(), ['R3'], { 'homeVisit:socialWorker': shanghaiDate(new Date(instant)) }, today)[0].dueDate;

  it('a visit at 00:30 on 1 February in Beijing (still 31 January in UTC) counts as 1 February', () => {
    expect(dueAfter('2026-01-31T16:30:00Z')).toBe('2026-03-01');
  });

  it('a visit at 23:59 on 31 January in Beijing counts as 31 January: due at the end of February', () => {
    expect(dueAfter('2026-01-31T15:59:00Z')).toBe('2026-02-28');
  });

  it('a follow-up period ends at Beijing midnight, not UTC midnight', () => {
    const child = policySubject({ followUpTriggers: [{ kind: 'returnedHome', on: '2026-11-09' }] });
    const on = (instant: string) => ruleObligationsOf(child, ['R19'], { 'followUp:director': '2026-12-02' }, shanghaiDate(new Date(instant)));
    expect(on('2026-12-09T15:59:00Z')).toHaveLength(1);
    expect(on('2026-12-09T16:00:00Z')).toEqual([]);
  });
});

describe('which obligations a visit completes', () => {
  const team: Team = { supervisorId: 'sup-1', directorId: 'dir-1', socialWorkerId: 'sw-1' };
  type VisitFacts = Pick<Visit, 'kind' | 'purpose' | 'participantIds'>;
  const notJudged = { applies: false, met: true, shortfalls: [] };
  it.each<[string, VisitFacts, Team | null, string[]]>([
    ['a home visit by the social worker', { kind: 'homeVisit', purpose: 'routine', participantIds: ['sw-1', 'sw-9'] }, team, ['contact:socialWorker', 'homeVisit:socialWorker']],
    ['a home visit by social worker and director', { kind: 'homeVisit', purpose: 'routine', participantIds: ['dir-1', 'sw-1'] }, team, ['contact:director', 'contact:socialWorker', 'homeVisit:director', 'homeVisit:socialWorker']],
    ['a home visit by the supervisor alone', { kind: 'homeVisit', purpose: 'routine', participantIds: ['sup-1'] }, team, []],
    ['a home visit by another team’s social worker', { kind: 'homeVisit', purpose: 'routine', participantIds: ['sw-9'] }, team, []],
    ['a reassessment at home (R21)', { kind: 'homeVisit', purpose: 'reassessment', participantIds: ['sw-1', 'sup-1'] }, team, ['contact:socialWorker', 'homeVisit:socialWorker', 'reassessment:socialWorker']],
    ['a follow-up at home (R19)', { kind: 'homeVisit', purpose: 'followUp', participantIds: ['dir-1'] }, team, ['contact:director', 'followUp:director', 'homeVisit:director']],
    ['a phone contact by the director (R11)', { kind: 'contact', purpose: 'routine', participantIds: ['dir-1'] }, team, ['contact:director']],
    ['a phone call marked as follow-up: a contact only', { kind: 'contact', purpose: 'followUp', participantIds: ['dir-1'] }, team, ['contact:director']],
    ['a phone call marked as reassessment: a contact only', { kind: 'contact', purpose: 'reassessment', participantIds: ['sw-1'] }, team, ['contact:socialWorker']],
    ['any visit to a child without a team', { kind: 'homeVisit', purpose: 'routine', participantIds: ['sw-1'] }, null, []],
  ])('%s', (_, visit, visitTeam, keys) => {
    expect(obligationKeysCompletedBy({ ...visit, r3: notJudged }, visitTeam)).toEqual(keys);
  });

  describe('R3: a home visit judged short of it is recorded, but is not the social worker’s monthly home visit', () => {
    type JudgedVisit = Pick<Visit, 'kind' | 'purpose' | 'participantIds' | 'r3'>;
    const short = { applies: true, met: false, shortfalls: ['入户时长不足2小时（实际90分钟）'] };
    const met = { applies: true, met: true, shortfalls: [] };

    it('leaves the social worker’s home visit due, and still counts as their contact', () => {
      const visit: JudgedVisit = { kind: 'homeVisit', purpose: 'routine', participantIds: ['sw-1'], r3: short };
      expect(obligationKeysCompletedBy(visit, team)).toEqual(['contact:socialWorker']);
    });

    it('still completes the director’s home visit (R11 sets no length or headcount) and an R21 reassessment', () => {
      const visit: JudgedVisit = { kind: 'homeVisit', purpose: 'reassessment', participantIds: ['sw-1', 'dir-1'], r3: short };
      expect(obligationKeysCompletedBy(visit, team)).toEqual([
        'contact:director',
        'contact:socialWorker',
        'homeVisit:director',
        'reassessment:director',
        'reassessment:socialWorker',
      ]);
    });

    it('completes the social worker’s home visit when R3 is met', () => {
      const visit: JudgedVisit = { kind: 'homeVisit', purpose: 'routine', participantIds: ['sw-1', 'dir-1'], r3: met };
      expect(obligationKeysCompletedBy(visit, team)).toContain('homeVisit:socialWorker');
    });

    it('keeps the month’s R3 visit due in the schedule after a short visit', () => {
      const child = policySubject({ registeredOn: '2026-10-01' });
      const last: LastCompletions = { 'homeVisit:socialWorker': '2026-10-20' };
      const visit: JudgedVisit = { kind: 'homeVisit', purpose: 'routine', participantIds: ['sw-1'], r3: short };
      const completed = obligationKeysCompletedBy(visit, team);
      const after: LastCompletions = { ...last, ...Object.fromEntries(completed.map((key) => [key, '2026-11-18'])) };
      const dueOf = (completions: LastCompletions) =>
        computeObligations(child, ['R3'], completions, '2026-11-18').find((o) => o.kind === 'homeVisit')?.dueDate;
      expect(dueOf(after)).toBe('2026-11-20');
      expect(dueOf(after)).toBe(dueOf(last));
    });
  });
});
