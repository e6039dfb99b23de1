import { describe, expect, it } from 'vitest';
import { confirmationStates, disputeReasons, visitKinds, visitServices, contactChannels, visitPurposes } from '../../functions/src/domain/visit.js';
import { obligationKinds, performers, visitRuleIds } from '../../functions/src/domain/obligation.js';
import type { Visit } from '../../miniapp/src/api/types.js';
import { daysBetween, formatDateTime, formatDuration, formatTimeRange, shanghaiTimeOf } from '../../miniapp/src/lib/beijing-time.js';
import {
  confirmationStateNames,
  contactChannelNames,
  disputeReasonNames,
  obligationKindNames,
  performerNames,
  visitKindNames,
  visitPurposeNames,
  visitRuleNames,
  visitServiceNames,
} from '../../miniapp/src/lib/labels.js';
import {
  confirmationText,
  describeDue,
  dueAssigneeText,
  locationText,
  r3ResultText,
  servicesText,
  sortByUrgency,
  visitKindText,
  whoCameText,
} from '../../miniapp/src/lib/visit-format.js';

const now = new Date('2026-11-23T10:00:00+08:00');

describe('visit labels', () => {
  it.each([
    ['visit kinds', visitKinds, visitKindNames],
    ['purposes', visitPurposes, visitPurposeNames],
    ['services (000 §五.1)', visitServices, visitServiceNames],
    ['contact channels', contactChannels, contactChannelNames],
    ['dispute reasons', disputeReasons, disputeReasonNames],
    ['confirmation states', confirmationStates, confirmationStateNames],
    ['obligation kinds', obligationKinds, obligationKindNames],
    ['performers', performers, performerNames],
    ['rule ids', visitRuleIds, visitRuleNames],
  ] as const)('give every one of the domain %s a Chinese label', (_name, codes, names) => {
    for (const code of codes) expect((names as Record<string, string>)[code]).toMatch(/\p{Script=Han}/u);
    expect(Object.keys(names).sort()).toEqual([...codes].sort());
  });

  it('use the words of the brief', () => {
    expect(disputeReasonNames).toEqual({ notVisited: '没有来访', wrongTime: '时间不对', wrongPeople: '人数不对', other: '其他' });
    expect(confirmationStateNames).toEqual({ pending: '待确认', confirmed: '监护人已确认', disputed: '有异议' });
    expect(obligationKindNames).toEqual({
      homeVisit: '入户走访',
      contact: '联系',
      reassessment: '复评',
      // R2: the year's guardianship assessment, due by the end of February.
      yearlyAssessment: '年度评估',
      followUp: '跟踪回访',
      // Issue 12: R15's plan review, R22's evaluation for return home and the guardian's collection.
      planReview: '计划评估',
      stateGuardianshipEvaluation: '回归评估',
      guardianCollection: '监护人领回',
    });
  });
});

describe('whose duty a due item is (issue 7, B7)', () => {
  it('names the assignee, and the role while the child has no team', () => {
    expect(dueAssigneeText({ performer: 'socialWorker', assigneeName: '王晓静' })).toBe('王晓静');
    expect(dueAssigneeText({ performer: 'director', assigneeName: null })).toBe('儿童主任');
  });
});

describe('due dates on the worker home', () => {
  it.each([
    [{ overdueDays: 5, dueDate: '2026-11-18' }, '逾期 5 天', 'overdue'],
    [{ overdueDays: 0, dueDate: '2026-11-23' }, '今天到期', 'today'],
    [{ overdueDays: 0, dueDate: '2026-11-26' }, '3 天后到期', 'soon'],
    [{ overdueDays: 0, dueDate: '2026-12-07' }, '14 天后到期', 'later'],
  ])('%o → %s', (item, text, urgency) => {
    expect(describeDue(item, '2026-11-23')).toEqual({ text, urgency });
  });

  it('puts the most overdue first, then the soonest due', () => {
    const items = [
      { id: 'a', overdueDays: 0, dueDate: '2026-12-01' },
      { id: 'b', overdueDays: 3, dueDate: '2026-11-20' },
      { id: 'c', overdueDays: 0, dueDate: '2026-11-25' },
      { id: 'd', overdueDays: 10, dueDate: '2026-11-13' },
    ];
    expect(sortByUrgency(items).map((i) => i.id)).toEqual(['d', 'b', 'c', 'a']);
  });
});

describe('Beijing times of a visit', () => {
  it('shows date and time in Beijing whatever the instant was written in', () => {
    expect(formatDateTime('2026-11-23T00:30:00Z', now)).toBe('11月23日 08:30');
    expect(formatDateTime('2025-03-01T08:00:00+08:00', now)).toBe('2025年3月1日 08:00');
    expect(shanghaiTimeOf(new Date('2026-11-22T16:05:00Z'))).toBe('00:05');
  });

  it('writes a range on one day with one date, across midnight with two', () => {
    expect(formatTimeRange('2026-11-23T08:00:00+08:00', '2026-11-23T10:10:00+08:00', now)).toBe('11月23日 08:00–10:10');
    expect(formatTimeRange('2026-11-22T22:00:00+08:00', '2026-11-23T01:00:00+08:00', now)).toBe('11月22日 22:00–11月23日 01:00');
  });

  it('gives durations and day differences', () => {
    expect(formatDuration('2026-11-23T08:00:00+08:00', '2026-11-23T10:10:00+08:00')).toBe('2小时10分钟');
    expect(formatDuration('2026-11-23T08:00:00+08:00', '2026-11-23T08:45:00+08:00')).toBe('45分钟');
    expect(formatDuration('2026-11-23T08:00:00+08:00', '2026-11-23T10:00:00+08:00')).toBe('2小时');
    expect(daysBetween('2026-11-23', '2026-12-01')).toBe(8);
    expect(daysBetween('2026-03-01', '2026-02-27')).toBe(-2);
  });
});

describe('a visit in words', () => {
  const team = { supervisorId: 'sup', directorId: 'dir', socialWorkerId: 'sw' };

  it('names a contact with its channel', () => {
    expect(visitKindText({ kind: 'contact', contactChannel: 'videoCall' })).toBe('联系（视频）');
    expect(visitKindText({ kind: 'homeVisit', contactChannel: null })).toBe('入户走访');
  });

  it('says who came by role in the team, companions by name, and how many', () => {
    expect(whoCameText({ participantIds: ['sw', 'dir'], companionNames: ['李老师'] }, team)).toBe(
      '儿童福利社工、儿童主任、李老师（共3人）',
    );
    expect(whoCameText({ participantIds: ['sw', 'x'], companionNames: [] })).toBe('工作人员、工作人员（共2人）');
    expect(whoCameText({ participantIds: ['sw'], companionNames: [], participantNames: ['王晓静'] }, team)).toBe('王晓静（共1人）');
    // An account the server could not name falls back to its role.
    expect(whoCameText({ participantIds: ['sw', 'dir'], companionNames: [], participantNames: ['王晓静', ''] }, team)).toBe(
      '王晓静、儿童主任（共2人）',
    );
  });

  it('lists services, or says none were filled in', () => {
    expect(servicesText(['dailyCare', 'psychologicalSupport'])).toBe('生活照料、心理疏导');
    expect(servicesText([])).toBe('未填写');
  });

  it('gives the confirmation state with the reasons of a dispute', () => {
    const base: Visit['confirmation'] = { state: 'pending', byUserId: null, at: null, reasons: [], note: '' };
    expect(confirmationText(base)).toBe('待确认');
    expect(confirmationText({ ...base, state: 'confirmed' })).toBe('监护人已确认');
    expect(confirmationText({ ...base, state: 'disputed', reasons: ['notVisited', 'other'], note: '那天家里没人' })).toBe(
      '有异议：没有来访、其他（那天家里没人）',
    );
  });

  it("states R3's verdict only when the district's policy includes R3", () => {
    expect(r3ResultText({ applies: true, met: false, shortfalls: ['入户时长不足2小时'] })).toBe('未达到每月入户走访要求（R3）：入户时长不足2小时');
    expect(r3ResultText({ applies: true, met: false, shortfalls: ['入户时长不足2小时', '入户人数不足2人'] })).toBe(
      '未达到每月入户走访要求（R3）：入户时长不足2小时；入户人数不足2人',
    );
    expect(r3ResultText({ applies: true, met: true, shortfalls: [] })).toBe('符合每月入户走访要求（R3）');
    expect(r3ResultText({ applies: false, met: true, shortfalls: [] })).toBeNull();
  });

  it('says where the worker stood in words, never as coordinates', () => {
    expect(locationText({ latitude: 30.95, longitude: 121.32, accuracyMeters: 24.6 })).toBe('已获取定位（精度约25米）');
    expect(locationText({ latitude: 30.95, longitude: 121.32, accuracyMeters: null })).toBe('已获取定位');
    expect(locationText(null)).toBe('未获取定位（已记录为缺失）');
  });
});
