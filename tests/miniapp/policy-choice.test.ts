import { describe, expect, it } from 'vitest';
import { visitRuleSummaries } from '../../functions/src/domain/visit-rules.js';
import type { PolicyPreview, PolicyView } from '../../miniapp/src/api/types.js';
import { limitsInForce } from '../../miniapp/src/lib/acknowledge-limit-choice.js';
import {
  changesOf,
  choiceOf,
  clampDays,
  confirmationOf,
  describePreview,
  isChanged,
  isNationalRule,
  listDistrictOf,
  maySave,
  nationalRulesNote,
  policyInputOf,
  policySummary,
  saveQuestionTitle,
  savedNote,
  sourceOf,
  toggleRule,
} from '../../miniapp/src/lib/policy-choice.js';

const defaults = limitsInForce(undefined);
const saved: PolicyView = {
  districtId: 'd1',
  ruleIds: ['R3', 'R11'],
  unconfirmedAfterDays: 3,
  updatedAt: '2026-11-23T02:00:00.000Z',
  updatedBy: 'u1',
  version: 2,
  chosen: true,
  refresh: null,
};
const national: PolicyView = { ...saved, ruleIds: ['R19', 'R20', 'R21'], updatedAt: null, updatedBy: null, version: 0, chosen: false };
const rules = [...visitRuleSummaries];
const preview = (affected: number, added = 0, removed = 0, moved = 0): PolicyPreview => ({
  districtId: 'd1',
  version: 2,
  childrenTotal: 40,
  childrenAffected: affected,
  obligations: { added, removed, dueDateMoved: moved },
});

describe('the district officer’s choice of rules (issue 7, B8)', () => {
  it('is a change only when the rules (in any order) or the days differ from what is saved', () => {
    expect(isChanged({ ruleIds: ['R11', 'R3'], unconfirmedAfterDays: 3, acknowledgeLimits: defaults }, saved)).toBe(false);
    expect(isChanged({ ruleIds: ['R3'], unconfirmedAfterDays: 3, acknowledgeLimits: defaults }, saved)).toBe(true);
    expect(isChanged({ ruleIds: ['R3', 'R11'], unconfirmedAfterDays: 4, acknowledgeLimits: defaults }, saved)).toBe(true);
  });

  it('keeps the days within the server’s 1–30', () => {
    expect([clampDays(0), clampDays(7), clampDays(31)]).toEqual([1, 7, 30]);
  });

  it('names the document a rule comes from', () => {
    expect(sourceOf('003 §80')).toBe('来源：民政部未成年人社会保护工作指引 §80');
    expect(sourceOf('000 §五.4')).toBe('来源：上海市困境儿童家庭监护支持服务工作方案 §五.4');
  });

  it('may be saved when it differs, or as it is while the district never chose; never with no rule', () => {
    expect(maySave({ ruleIds: ['R3', 'R11'], unconfirmedAfterDays: 3, acknowledgeLimits: defaults }, saved)).toBe(false);
    expect(maySave({ ruleIds: ['R3'], unconfirmedAfterDays: 3, acknowledgeLimits: defaults }, saved)).toBe(true);
    expect(maySave({ ruleIds: ['R19', 'R20', 'R21'], unconfirmedAfterDays: 3, acknowledgeLimits: defaults }, national)).toBe(true);
    expect(maySave({ ruleIds: [], unconfirmedAfterDays: 3, acknowledgeLimits: defaults }, national)).toBe(false);
  });

  it('ticks a rule on and off', () => {
    const on = toggleRule({ ruleIds: ['R19'], unconfirmedAfterDays: 3, acknowledgeLimits: defaults }, 'R3');
    expect(on.ruleIds).toEqual(['R19', 'R3']);
    expect(toggleRule(on, 'R19').ruleIds).toEqual(['R3']);
  });

  it('knows the ministry’s rules (R19, R20, R21) by their source', () => {
    expect(rules.filter(isNationalRule).map((rule) => rule.id)).toEqual(['R19', 'R20', 'R21']);
  });

  it('says what a change moves, or that nothing does, before and after saving', () => {
    expect(describePreview(preview(12, 8, 3, 5))).toEqual({
      headline: '全区 40 名儿童中，12 名的走访安排会变',
      counts: [
        { key: 'added', label: '新增事项', value: 8 },
        { key: 'removed', label: '取消事项', value: 3 },
        { key: 'moved', label: '改到期日', value: 5 },
      ],
    });
    expect(describePreview(preview(12, 8, 3, 5), true).headline).toBe('全区 40 名儿童中，12 名的走访安排随之调整');
    expect(describePreview(preview(0)).headline).toBe('全区 40 名儿童的走访安排都不变');
  });

  it('asks before saving with the rules by their titles, the days when they change, and the same numbers', () => {
    expect(confirmationOf(preview(12, 8, 3, 5), { ruleIds: ['R3', 'R14'], unconfirmedAfterDays: 3, acknowledgeLimits: defaults }, saved, rules)).toBe(
      '加入：按风险等级入户探访。不再执行：儿童主任定期联系与入户走访。12 名儿童的走访安排会变：新增 8 项，取消 3 项，改到期日 5 项。保存后立即生效。',
    );
    expect(confirmationOf(preview(0), { ruleIds: ['R3', 'R11'], unconfirmedAfterDays: 5, acknowledgeLimits: defaults }, saved, rules)).toBe(
      '监护人 5 天未确认的走访列入跟进。走访安排不变。',
    );
    expect(confirmationOf(null, { ruleIds: ['R19', 'R20', 'R21'], unconfirmedAfterDays: 3, acknowledgeLimits: defaults }, national, rules)).toBe(
      '本区按现在的民政部指引规则执行。走访安排不变。',
    );
  });

  it('shows the limits in force, the defaults for a district that never set them (issue 8)', () => {
    expect(choiceOf(national).acknowledgeLimits).toEqual({ escalationHours: 72, urgentEscalationHours: 24, urgentConcernHours: 2 });
    expect(choiceOf({ ...saved, acknowledgeLimits: { urgentConcernHours: 4 } }).acknowledgeLimits).toEqual({
      escalationHours: 72,
      urgentEscalationHours: 24,
      urgentConcernHours: 4,
    });
  });

  it('counts a limit as a change that may be saved, but not as one that moves visits', () => {
    const choice = { ...choiceOf(saved), acknowledgeLimits: { ...defaults, urgentEscalationHours: 12 } };
    expect([isChanged(choice, saved), maySave(choice, saved)]).toEqual([true, true]);
    expect(changesOf(choice, saved)).toEqual({ rules: false, limits: true });
    // Picking the value in force again is no change.
    expect(isChanged({ ...choice, acknowledgeLimits: defaults }, saved)).toBe(false);
  });

  it('saves rules, days and the version loaded in one PUT, the limits only when they changed', () => {
    expect(policyInputOf(choiceOf(saved), saved)).toEqual({ ruleIds: ['R3', 'R11'], unconfirmedAfterDays: 3, version: 2 });
    const choice = { ...choiceOf(saved), unconfirmedAfterDays: 5, acknowledgeLimits: { ...defaults, urgentConcernHours: 4 } };
    expect(policyInputOf(choice, saved)).toEqual({
      ruleIds: ['R3', 'R11'],
      unconfirmedAfterDays: 5,
      acknowledgeLimits: { escalationHours: 72, urgentEscalationHours: 24, urgentConcernHours: 4 },
      version: 2,
    });
  });

  it('asks before saving a limit in words, with when it takes effect, and names what is saved', () => {
    const choice = { ...choiceOf(saved), acknowledgeLimits: { ...defaults, urgentEscalationHours: 12 } };
    expect(confirmationOf(null, choice, saved, rules)).toBe(
      '紧急疑难个案：每一级须在 12 小时内受理。保存后到达各级的个案和报告按新时限，已在计时的不变。',
    );
    const first = { ...choiceOf(national), acknowledgeLimits: { ...defaults, urgentConcernHours: 4 } };
    expect(confirmationOf(preview(0), first, national, rules)).toBe(
      '本区按现在的民政部指引规则执行。紧急报告：4 小时内无人受理即提请镇（街道）督导员，再提请区民政局。保存后到达各级的个案和报告按新时限，已在计时的不变。走访安排不变。',
    );
    expect(saveQuestionTitle(changesOf(choice, saved))).toBe('保存受理时限？');
    expect(saveQuestionTitle(changesOf(choice, national))).toBe('保存走访规则和受理时限？');
    expect(saveQuestionTitle(changesOf(choiceOf(national), national))).toBe('保存走访规则？');
    expect(savedNote({ rules: false, limits: true })).toBe('新的受理时限对此后到达的个案和报告生效');
    expect(savedNote({ rules: true, limits: false })).toBe('本区即按所选规则执行');
  });

  it('tells a district that never chose which national rules it follows, the codes apart from the words', () => {
    expect(nationalRulesNote(national)).toEqual({ words: '本区尚未选择走访规则，暂按民政部指引执行', codes: ['R19', 'R20', 'R21'] });
    expect(policySummary(national)).toEqual({ words: '尚未选择，暂按民政部指引', codes: ['R19', 'R20', 'R21'] });
    expect(policySummary(saved)).toEqual({ words: '已选择 2 条规则', codes: ['R3', 'R11'] });
  });
});

describe('which district’s rules a list of children is under', () => {
  const items = [{ region: { districtId: 'd7' } }];
  it('is the officer’s own district, else where the children live; none for city-wide lists or families', () => {
    expect(listDistrictOf({ role: 'districtOfficer', scope: { level: 'district', regionId: 'd1' } }, items)).toBe('d1');
    expect(listDistrictOf({ role: 'supervisor', scope: { level: 'town', regionId: 't1' } }, items)).toBe('d7');
    expect(listDistrictOf({ role: 'socialWorker', scope: null }, [])).toBeNull();
    expect(listDistrictOf({ role: 'cityOfficer', scope: { level: 'city', regionId: 'c1' } }, items)).toBeNull();
    expect(listDistrictOf({ role: 'guardian', scope: null }, items)).toBeNull();
  });
});
