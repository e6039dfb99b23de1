import { describe, expect, it } from 'vitest';
import { concernKinds, concernStatuses, receiveConcern, type Concern, type ConcernStatus } from '../../functions/src/domain/concern.js';
import { concernStepInputSchema, concernTransitions, stepConcern } from '../../functions/src/domain/concern-lifecycle.js';
import type { ConcernView } from '../../miniapp/src/api/concern-types.js';
import { emptyStepForm, stepProblemOf, toStepRequest } from '../../miniapp/src/lib/concern-step-form.js';
import {
  concernTitle,
  isConcernHandler,
  kindsText,
  raisedToText,
  riskChoices,
  statusMeanings,
  statusText,
  stepActionNames,
  trailStepText,
  waitingText,
  type ConcernStep,
} from '../../miniapp/src/lib/concern-words.js';
import { concernKindNames, concernStatusNames } from '../../miniapp/src/lib/labels.js';

/** Issue 8's pages say every code in words, and build the steps the lifecycle takes. */
const reportedAt = '2026-11-30T02:00:00Z';

function concernAt(status: ConcernStatus): Concern {
  const received = receiveConcern(
    {
      id: 'c-1',
      channel: 'public',
      child: { kind: 'unknown', description: '约8岁男孩' },
      path: { cityId: 'c1', districtId: 'd1', townId: 't1', villageId: 'v1' },
      location: null,
      kinds: ['leftAloneAtHome'],
      urgent: true,
      description: '一个人在家',
      reporter: { userId: null, name: null, phone: null },
    },
    new Date(reportedAt),
  );
  return { ...received, status };
}

describe('concern reports in words (issue 8)', () => {
  it('has words for every kind and status, and a meaning of every status for the reporter', () => {
    expect(Object.keys(concernKindNames).sort()).toEqual([...concernKinds].sort());
    expect(Object.keys(concernStatusNames).sort()).toEqual([...concernStatuses].sort());
    expect(Object.keys(statusMeanings).sort()).toEqual([...concernStatuses].sort());
    expect(kindsText(['abuse', 'leftAloneAtHome'])).toBe('虐待、殴打、独自在家无人照看');
    expect(statusText('acknowledged')).toBe('已受理');
  });

  it('names the problems found at a visit by where they came from, not as 其他', () => {
    expect(concernTitle({ channel: 'visit', kinds: ['other'] })).toBe('走访中发现的问题');
    expect(concernTitle({ channel: 'public', kinds: ['other'] })).toBe('其他');
    expect(concernTitle({ channel: 'staff', kinds: ['abuse', 'other'] })).toBe('虐待、殴打、其他');
  });

  it('has a button for every step the lifecycle can take', () => {
    const steps = new Set(Object.values(concernTransitions).flat());
    expect(Object.keys(stepActionNames).sort()).toEqual([...steps].sort());
  });

  it.each([
    ['2026-11-30T02:00:30Z', '刚刚收到'],
    ['2026-11-30T02:25:00Z', '等了 25 分钟'],
    ['2026-11-30T05:10:00Z', '等了 3 小时'],
    ['2026-12-02T03:00:00Z', '等了 2 天'],
  ])('says how long a report has waited at %s: %s', (now, text) => {
    expect(waitingText(reportedAt, new Date(now))).toBe(text);
  });

  it('says where an unacknowledged report was raised, and nothing when it was not', () => {
    expect(raisedToText('town')).toBe('已提请镇（街道）督导员');
    expect(raisedToText('district')).toBe('已提请区民政局');
    expect(raisedToText(null)).toBeNull();
  });

  it('names the handler roles that have a queue', () => {
    expect(['director', 'supervisor', 'districtOfficer'].every(isConcernHandler)).toBe(true);
    expect(['guardian', 'volunteer', 'socialWorker', 'cityOfficer'].some(isConcernHandler)).toBe(false);
  });

  it('writes the trail: an anonymous report, a handler’s step with its note, an assessment with its level, and a raise by its deadline', () => {
    const concern = { channel: 'public', reporter: { userId: null, name: null, phone: null }, riskLevel: 'yellow' } as const;
    const step = (from: ConcernStatus | null, to: ConcernStatus, byName: string | null, note = ''): ConcernView['trail'][number] => ({
      at: reportedAt,
      byUserId: byName ? 'u-1' : null,
      byName,
      from,
      to,
      note,
    });

    expect(trailStepText(step(null, 'received', null), concern)).toEqual({ who: '匿名报告人', what: '提交报告', note: null });
    // A reporter who left a phone but no name is not anonymous to the handlers.
    expect(trailStepText(step(null, 'received', null), { ...concern, reporter: { userId: null, name: null, phone: '13800138000' } }).who).toBe('报告人');
    expect(trailStepText(step('received', 'acknowledged', '张桂英', '已电话联系监护人'), concern)).toEqual({
      who: '张桂英',
      what: '受理',
      note: '已电话联系监护人',
    });
    expect(trailStepText(step('investigating', 'assessed', '沈志强'), concern).what).toBe('评估风险：黄色风险');
    expect(trailStepText(step('received', 'received', null, '超时未受理，已提请乡镇督导员'), concern)).toEqual({
      who: '系统',
      what: '超时未受理，已提请乡镇督导员',
      note: null,
    });
  });
});

describe('a handler’s step (issue 8, part 3)', () => {
  it('asks for the risk level to assess and for the feedback to close', () => {
    expect(stepProblemOf('assessed', emptyStepForm)).toBe('请选择风险等级');
    expect(stepProblemOf('closed', { ...emptyStepForm, closingFeedback: '  ' })).toBe('请写下给报告人的反馈');
    expect(stepProblemOf('acknowledged', emptyStepForm)).toBeNull();
    expect(riskChoices.map((choice) => choice.label)).toEqual(['红色风险', '黄色风险', '绿色风险']);
  });

  const steps = Object.entries(concernTransitions).flatMap(([from, tos]) => tos.map((to) => [from as ConcernStatus, to as ConcernStep] as const));

  it.each(steps)('builds from %s a step to %s that the lifecycle takes, with only that step’s fields', (from, to) => {
    const form = { note: '已核实', riskLevel: 'yellow' as const, closingFeedback: '孩子已由亲属照看' };
    const request = toStepRequest(to, form, 1);

    const after = stepConcern(concernAt(from), concernStepInputSchema.parse(request), 'u-1', new Date('2026-11-30T04:00:00Z'));

    expect(after.status).toBe(to);
    expect(request.riskLevel).toBe(to === 'assessed' ? 'yellow' : null);
    expect(request.closingFeedback).toBe(to === 'closed' ? '孩子已由亲属照看' : null);
  });
});
