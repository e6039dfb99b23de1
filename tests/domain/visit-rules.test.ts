import { describe, expect, it } from 'vitest';
import type { ChildCategory, ChildFlag, RiskLevel } from '../../functions/src/domain/child.js';
import { visitRuleIds, type Interval, type Obligation } from '../../functions/src/domain/obligation.js';
import type { LastCompletions } from '../../functions/src/domain/policy-engine.js';
import type { FollowUpTriggerType } from '../../functions/src/domain/visit-rules.js';
import {
  demoAreaPolicyRuleIds,
  nationalPolicyRuleIds,
  visitRuleById,
  visitRuleSummaries,
  visitRules,
} from '../../functions/src/domain/visit-rules.js';
import { policySubject, ruleObligationsOf, today } from './policy-fixtures.js';

// Every child below is registered on 2026-01-05 (policy-fixtures.ts); "today" is 2026-11-20.
const month = (count: number): Interval => ({ unit: 'month', count });
const day = (count: number): Interval => ({ unit: 'day', count });

type Expected = Pick<Obligation, 'kind' | 'performer' | 'interval' | 'dueDate' | 'ruleId' | 'reason'>;
function pick(o: Obligation): Expected {
  return { kind: o.kind, performer: o.performer, interval: o.interval, dueDate: o.dueDate, ruleId: o.ruleId, reason: o.reason };
}

describe('the rule catalogue', () => {
  it('holds each visit rule once, in DOMAIN.md order, each naming its seed', () => {
    expect(visitRules.map((r) => r.id)).toEqual([...visitRuleIds]);
    expect(visitRuleSummaries.map((r) => `${r.id} ${r.seed}`)).toEqual([
      'R3 000 §五.4',
      'R11 001 §二.3',
      'R14 002 §六(一)',
      'R19 003 §78–79',
      'R20 003 §80',
      'R21 003 §81',
    ]);
    for (const summary of visitRuleSummaries) expect(Object.keys(summary).sort()).toEqual(['description', 'id', 'seed', 'title']);
  });

  it('every sentence a rule gives names that rule', () => {
    for (const rule of visitRules) {
      for (const r of [...rule.requirements, ...rule.followUps]) expect(r.reason).toMatch(new RegExp(`（${rule.id}）$`));
    }
  });

  it('a district that never chose follows the ministry guideline (003): R19, R20 and R21', () => {
    expect(nationalPolicyRuleIds).toEqual(['R19', 'R20', 'R21']);
    for (const id of nationalPolicyRuleIds) expect(visitRuleById[id].seed).toMatch(/^003 /);
  });

  it('the demo district (Songjiang) runs R3, R11, R14, R19 and R21, each once', () => {
    expect(demoAreaPolicyRuleIds).toEqual(['R3', 'R11', 'R14', 'R19', 'R21']);
  });
});

describe('R3 (000 §五.4): the social worker visits every child at home monthly', () => {
  const reason = '家庭监护支持：社工每月至少入户走访一次（R3）';
  it.each<[string, ChildCategory, string | undefined, string]>([
    ['from registration', 'difficult', undefined, '2026-02-05'],
    ['from the last home visit', 'difficult', '2026-10-31', '2026-11-30'],
    ['an orphan too', 'orphan', '2026-03-15', '2026-04-15'],
    ['clamped to a leap February', 'leftBehind', '2028-01-31', '2028-02-29'],
  ])('%s', (_, category, last, dueDate) => {
    const completions: LastCompletions = last ? { 'homeVisit:socialWorker': last } : {};
    const obligations = ruleObligationsOf(policySubject({ categories: [category] }), ['R3'], completions, today);
    expect(obligations.map(pick)).toEqual([
      { kind: 'homeVisit', performer: 'socialWorker', interval: month(1), dueDate, ruleId: 'R3', reason },
    ]);
  });
});

describe('R11 (001 §二.3): the children’s director contacts monthly and visits every two months, more often in special circumstances', () => {
  it.each<[string, ChildFlag[], LastCompletions, [Interval, string, string], [Interval, string, string]]>([
    ['no special circumstance', [], {}, [month(1), '2026-02-05', '儿童主任：每月至少联系一次（R11）'], [month(2), '2026-03-05', '儿童主任：每两个月至少入户走访一次（R11）']],
    ['poverty is not one of them', ['poverty'], { 'homeVisit:director': '2026-07-31' }, [month(1), '2026-02-05', '儿童主任：每月至少联系一次（R11）'], [month(2), '2026-09-30', '儿童主任：每两个月至少入户走访一次（R11）']],
    ['a parent severely disabled', ['parentSevereDisability'], {}, [day(14), '2026-01-19', '父母重度残疾：儿童主任每两周至少联系一次（R11）'], [month(1), '2026-02-05', '父母重度残疾：儿童主任每月至少入户走访一次（R11）']],
    ['the child disabled', ['childDisabled'], { 'contact:director': '2026-11-10', 'homeVisit:director': '2026-10-31' }, [day(14), '2026-11-24', '儿童残疾：儿童主任每两周至少联系一次（R11）'], [month(1), '2026-11-30', '儿童残疾：儿童主任每月至少入户走访一次（R11）']],
    ['psychological or behavioural abnormality', ['psychologicalOrBehavioural'], {}, [day(14), '2026-01-19', '心理或行为异常：儿童主任每两周至少联系一次（R11）'], [month(1), '2026-02-05', '心理或行为异常：儿童主任每月至少入户走访一次（R11）']],
    ['two circumstances: the first the plan names', ['psychologicalOrBehavioural', 'parentSevereDisability'], {}, [day(14), '2026-01-19', '父母重度残疾：儿童主任每两周至少联系一次（R11）'], [month(1), '2026-02-05', '父母重度残疾：儿童主任每月至少入户走访一次（R11）']],
  ])('%s', (_, flags, last, [contactInterval, contactDue, contactReason], [visitInterval, visitDue, visitReason]) => {
    const byKind = Object.fromEntries(ruleObligationsOf(policySubject({ flags }), ['R11'], last, today).map((o) => [o.kind, o]));
    expect(Object.keys(byKind).sort()).toEqual(['contact', 'homeVisit']);
    expect(pick(byKind.contact)).toEqual({ kind: 'contact', performer: 'director', interval: contactInterval, dueDate: contactDue, ruleId: 'R11', reason: contactReason });
    expect(pick(byKind.homeVisit)).toEqual({ kind: 'homeVisit', performer: 'director', interval: visitInterval, dueDate: visitDue, ruleId: 'R11', reason: visitReason });
    expect(byKind.contact.alsoRequiredBy).toEqual([]);
  });
});

describe('R14 (002 §六(一)): home visits by risk grade', () => {
  it.each<[RiskLevel, string | undefined, Interval, string, string]>([
    ['red', undefined, month(1), '2026-02-05', '红色等级：每月入户一次（R14）'],
    ['yellow', undefined, month(6), '2026-07-05', '黄色等级：每半年入户一次（R14）'],
    ['green', '2026-08-31', month(6), '2027-02-28', '绿色等级：每半年入户一次（R14）'],
  ])('%s, last visit %s', (riskLevel, last, interval, dueDate, reason) => {
    const completions: LastCompletions = last ? { 'homeVisit:socialWorker': last } : {};
    expect(ruleObligationsOf(policySubject({ riskLevel }), ['R14'], completions, today).map(pick)).toEqual([
      { kind: 'homeVisit', performer: 'socialWorker', interval, dueDate, ruleId: 'R14', reason },
    ]);
  });
});

describe('R19 (003 §78–79): weekly follow-ups for a period set by the trigger', () => {
  it.each<[FollowUpTriggerType, string, string]>([
    ['returnedHome', '2026-12-09', '被监护人领回家庭：每周至少跟踪回访一次，持续1个月（R19）'],
    ['sexualAbuse', '2027-05-09', '监护资格被撤销（曾受性侵害）：每周至少跟踪回访一次，持续6个月（R19）'],
    ['sale', '2027-05-09', '监护资格被撤销（曾被出卖）：每周至少跟踪回访一次，持续6个月（R19）'],
    ['abandonment', '2027-05-09', '监护资格被撤销（曾被遗弃）：每周至少跟踪回访一次，持续6个月（R19）'],
    ['abuseOrViolence', '2027-05-09', '监护资格被撤销（曾受虐待、暴力伤害）：每周至少跟踪回访一次，持续6个月（R19）'],
    ['leftUnattendedInDanger', '2027-02-09', '监护资格被撤销（曾被置于无人照看的危险状态）：每周至少跟踪回访一次，持续3个月（R19）'],
    ['displacedWithoutMeans', '2027-01-09', '监护资格被撤销（曾流离失所或生活无着）：每周至少跟踪回访一次，持续2个月（R19）'],
    ['parentAddiction', '2026-12-09', '监护资格被撤销（父母吸毒、赌博、酗酒）：每周至少跟踪回访一次，持续1个月（R19）'],
    ['forcedBegging', '2026-12-09', '监护资格被撤销（曾被胁迫乞讨）：每周至少跟踪回访一次，持续1个月（R19）'],
    ['instigatedIntoCrime', '2027-02-09', '监护资格被撤销（曾被教唆违法犯罪）：每周至少跟踪回访一次，持续3个月（R19）'],
    ['otherSeriousInfringement', '2026-12-09', '监护资格被撤销（其他合法权益被严重侵害）：每周至少跟踪回访一次，持续1个月（R19）'],
  ])('%s on 2026-11-09 runs until %s', (type, endsOn, reason) => {
    const trigger = type === 'returnedHome' ? { kind: 'returnedHome' as const, on: '2026-11-09' } : { kind: 'guardianshipRevoked' as const, on: '2026-11-09', reason: type };
    const [obligation, ...rest] = ruleObligationsOf(policySubject({ followUpTriggers: [trigger] }), ['R19'], {}, today);
    expect(rest).toEqual([]);
    expect(pick(obligation)).toEqual({ kind: 'followUp', performer: 'director', interval: day(7), dueDate: '2026-11-16', ruleId: 'R19', reason });
    expect(obligation.endsOn).toBe(endsOn);
  });

  it('without a trigger there is nothing to follow up', () => {
    expect(ruleObligationsOf(policySubject(), ['R19'], {}, today)).toEqual([]);
  });
});

describe('R20 (003 §80): preventive home visits by the director for children at risk of losing guardianship', () => {
  const twice = (label: string) => `${label}：每月至少两次预防性走访（R20）`;
  it.each<[string, ChildCategory[], ChildFlag[], Interval, string, string]>([
    ['living alone', ['difficult'], ['livingAlone'], day(15), '2026-01-20', twice('独居儿童')],
    ['left behind (a category)', ['leftBehind'], [], day(15), '2026-01-20', twice('留守儿童')],
    ['migrant', ['difficult'], ['migrant'], day(15), '2026-01-20', twice('流动儿童')],
    ['disabled', ['difficult'], ['childDisabled'], day(15), '2026-01-20', twice('残疾儿童')],
    ['ran away before', ['difficult'], ['runawayHistory'], day(15), '2026-01-20', twice('有流浪或离家出走经历')],
    ['poor family', ['difficult'], ['poverty'], day(15), '2026-01-20', twice('家庭贫困')],
    ['single parent', ['difficult'], ['singleParent'], day(15), '2026-01-20', twice('单亲家庭')],
    ['parents ill, disabled or in prison', ['difficult'], ['parentIllDisabledOrImprisoned'], day(15), '2026-01-20', twice('父母重病、重残或服刑')],
    ['out of school: monthly only', ['difficult'], ['outOfSchool'], month(1), '2026-02-05', '失学辍学：每月至少一次预防性走访（R20）'],
    ['out of school and poor: twice a month wins', ['difficult'], ['outOfSchool', 'poverty'], day(15), '2026-01-20', twice('家庭贫困')],
    ['several: the first §80 names', ['leftBehind'], ['singleParent', 'migrant'], day(15), '2026-01-20', twice('留守儿童')],
  ])('%s', (_, categories, flags, interval, dueDate, reason) => {
    expect(ruleObligationsOf(policySubject({ categories, flags }), ['R20'], {}, today).map(pick)).toEqual([
      { kind: 'homeVisit', performer: 'director', interval, dueDate, ruleId: 'R20', reason },
    ]);
  });

  it('counts from the last home visit of the director', () => {
    const [o] = ruleObligationsOf(policySubject({ flags: ['poverty'] }), ['R20'], { 'homeVisit:director': '2026-11-10' }, today);
    expect([o.dueDate, o.lastCompletedOn]).toEqual(['2026-11-25', '2026-11-10']);
  });

  it('leaves out a child with none of the circumstances (R11’s circumstances are not R20’s)', () => {
    const child = policySubject({ categories: ['difficult', 'orphan'], flags: ['parentSevereDisability', 'psychologicalOrBehavioural'] });
    expect(ruleObligationsOf(child, ['R20'], {}, today)).toEqual([]);
  });
});

describe('R21 (003 §81): children in guardianship difficulty are reassessed every six months', () => {
  const revoked = { kind: 'guardianshipRevoked' as const, on: '2024-03-01', reason: 'abandonment' as const };
  it.each<[string, Parameters<typeof policySubject>[0], string | undefined, string, string]>([
    ['an orphan', { categories: ['orphan'] }, undefined, '2026-07-05', '社会散居孤儿：每半年评估一次监护状况（R21）'],
    ['de facto unsupported', { categories: ['deFactoUnsupported'] }, undefined, '2026-07-05', '事实无人抚养儿童：每半年评估一次监护状况（R21）'],
    ['guardianship revoked long ago', { followUpTriggers: [revoked] }, '2026-08-31', '2027-02-28', '监护资格被撤销：每半年评估一次监护状况（R21）'],
  ])('%s', (_, attributes, last, dueDate, reason) => {
    const completions: LastCompletions = last ? { 'reassessment:socialWorker': last } : {};
    expect(ruleObligationsOf(policySubject(attributes), ['R21'], completions, today).map(pick)).toEqual([
      { kind: 'reassessment', performer: 'socialWorker', interval: month(6), dueDate, ruleId: 'R21', reason },
    ]);
  });

  it.each<[string, Parameters<typeof policySubject>[0]]>([
    ['difficult circumstances only', { categories: ['difficult'] }],
    ['left behind (at risk, R20, not yet in difficulty)', { categories: ['leftBehind'], flags: ['livingAlone'] }],
    ['returned home to the guardian', { followUpTriggers: [{ kind: 'returnedHome', on: '2026-11-01' }] }],
    ['poor, with a disabled parent', { flags: ['poverty', 'parentSevereDisability', 'parentIllDisabledOrImprisoned'] }],
  ])('not for a child %s', (_, attributes) => {
    expect(ruleObligationsOf(policySubject(attributes), ['R21'], {}, today)).toEqual([]);
  });
});

it('the rules can be looked up by id', () => {
  for (const id of visitRuleIds) expect(visitRuleById[id].id).toBe(id);
});
