import { describe, expect, it } from 'vitest';
import { escalationLevels } from '../../functions/src/domain/escalation-levels.js';
import { escalationStatuses } from '../../functions/src/domain/escalation.js';
import type { EscalationSummary, EscalationView } from '../../miniapp/src/api/escalation-types.js';
import {
  caseCountTags,
  caseStatusText,
  deadlineText,
  emptyOverdueBelowText,
  emptyQueueText,
  isCaseHandler,
  levelHolderNames,
  overdueBelowNote,
  queueLineNote,
  stepButtonText,
  trailStepWords,
  whereNowText,
} from '../../miniapp/src/lib/escalation-words.js';

/** Issue 8, R6: the queues and case page of a difficult case: level, status, deadline and trail in words, Beijing time, no codes. */
const now = new Date('2026-11-30T12:00:00+08:00');

function line(overrides: Partial<EscalationSummary> = {}): EscalationSummary {
  return {
    id: 'e-1',
    childId: 'demo-child-001',
    level: 'town',
    status: 'raised',
    urgent: false,
    createdAt: '2026-11-30T01:00:00.000Z',
    updatedAt: '2026-11-30T01:00:00.000Z',
    villageName: '井凌桥村',
    raisedAt: '2026-11-30T01:00:00.000Z',
    acknowledgeBy: '2026-12-03T01:00:00.000Z',
    overdue: false,
    ...overrides,
  };
}

type TrailStep = EscalationView['trail'][number];

function step(overrides: Partial<TrailStep>): TrailStep {
  return { at: '2026-11-30T01:00:00.000Z', byUserId: 'u-1', byName: '沈志强', level: 'town', action: 'acknowledged', note: '', ...overrides };
}

describe('difficult cases in words (issue 8, R6)', () => {
  it('names who holds a case at every level, and every status', () => {
    expect(Object.keys(levelHolderNames).sort()).toEqual([...escalationLevels].sort());
    expect(escalationStatuses.map(caseStatusText)).toEqual(['待受理', '已受理', '已解决']);
  });

  it('says where a case stands now and who holds it', () => {
    expect(whereNowText({ level: 'town', status: 'raised' })).toBe('已提请镇（街道）督导员');
    expect(whereNowText({ level: 'district', status: 'acknowledged' })).toBe('区民政局已受理');
    expect(whereNowText({ level: 'city', status: 'resolved' })).toBe('市民政局已解决');
  });

  it('says by when to acknowledge, that the time has passed, and nothing once acknowledged', () => {
    expect(deadlineText(line(), now)).toBe('请于12月3日 09:00前受理');
    expect(deadlineText(line({ overdue: true }), now)).toBe('应于12月3日 09:00前受理');
    expect(deadlineText(line({ status: 'acknowledged' }), now)).toBeNull();
  });

  it('writes a queue line’s note: when it came to the reader’s level, then its deadline or its status', () => {
    expect(queueLineNote(line(), now)).toBe('11月30日 09:00 收到 · 请于12月3日 09:00前受理');
    expect(queueLineNote(line({ status: 'resolved', updatedAt: '2026-11-30T03:30:00.000Z' }), now)).toBe('11月30日 09:00 收到 · 11月30日 11:30 解决');
    expect(queueLineNote(line({ status: 'acknowledged' }), now)).toBe('11月30日 09:00 收到');
  });

  it('says which level below let a case pass and since when', () => {
    expect(overdueBelowNote(line({ overdue: true, acknowledgeBy: '2026-11-29T01:00:00.000Z' }), now)).toBe(
      '镇（街道）督导员应于11月29日 09:00前受理',
    );
  });

  it('names a raise by where it goes, and the one-tap and noted steps by what they do', () => {
    expect(stepButtonText('acknowledge', 'town')).toBe('受理');
    expect(stepButtonText('resolve', 'district')).toBe('解决');
    expect(stepButtonText('raise', 'town')).toBe('上报区民政局');
    expect(stepButtonText('raise', 'district')).toBe('上报市民政局');
  });

  it('writes the trail: the raise, a level’s step with its note, a raise with its reason, and the product’s reminder', () => {
    expect(trailStepWords(step({ action: 'raised', byName: '王晓静' }), true)).toEqual({ what: '提请镇（街道）督导员', who: '王晓静', note: null });
    expect(trailStepWords(step({ action: 'acknowledged', note: '明天上门' }), false)).toEqual({ what: '镇（街道）督导员受理', who: '沈志强', note: '明天上门' });
    expect(trailStepWords(step({ action: 'raised', level: 'district', note: '需要医疗救助' }), false)).toEqual({
      what: '上报区民政局',
      who: '沈志强',
      note: '需要医疗救助',
    });
    expect(trailStepWords(step({ action: 'resolved', level: 'city', byName: '陈建国', note: '已安排' }), false).what).toBe('市民政局解决');
    // The reminder's own note only repeats what it says.
    expect(trailStepWords(step({ action: 'overdue', level: 'district', byUserId: null, byName: null, note: '区超时未受理' }), false)).toEqual({
      what: '区民政局超时未受理，已提醒',
      who: '系统',
      note: null,
    });
    // Someone whose name the server could not find is not taken for the product.
    expect(trailStepWords(step({ byName: null }), false).who).toBe('工作人员');
  });

  it('knows the roles that work a level’s queue', () => {
    expect(['supervisor', 'districtOfficer', 'cityOfficer'].every(isCaseHandler)).toBe(true);
    expect(['director', 'socialWorker', 'orgAdmin', 'guardian', 'volunteer'].some(isCaseHandler)).toBe(false);
  });

  it('says what will appear in an empty queue, and in an empty list of the level below', () => {
    expect(emptyQueueText('town').detail).toBe('村（社区）儿童主任或社工提请后，会显示在这里');
    expect(emptyQueueText('city').detail).toBe('区民政局上报后，会显示在这里');
    expect(emptyOverdueBelowText('town')).toBeNull();
    expect(emptyOverdueBelowText('district')?.text).toBe('镇（街道）督导员没有超时未受理的个案');
    expect(emptyOverdueBelowText('city')).toEqual({ text: '区民政局没有超时未受理的个案', detail: '过了受理期限还没有受理的，会显示在这里' });
  });

  it('puts on the home page only the red counts that are not zero, the level below’s for the district and the city', () => {
    const counts = { open: 4, urgent: 2, overdue: 0, overdueBelow: 1 };

    expect(caseCountTags(counts, 'district')).toEqual([
      { key: 'urgent', label: '紧急', count: 2 },
      { key: 'overdueBelow', label: '镇（街道）督导员超时未受理', count: 1 },
    ]);
    expect(caseCountTags(counts, 'town')).toEqual([{ key: 'urgent', label: '紧急', count: 2 }]);
    expect(caseCountTags({ open: 0, urgent: 0, overdue: 0, overdueBelow: 0 }, 'city')).toEqual([]);
  });

  it('shows no id and no code', () => {
    const words = JSON.stringify([queueLineNote(line({ overdue: true }), now), whereNowText({ level: 'district', status: 'raised' })]);
    expect(words).not.toMatch(/demo-child|e-1|town|district|raised|\d{4}-\d{2}-\d{2}/);
  });
});
