import { describe, expect, it } from 'vitest';
import type { DueEntry } from '../../functions/src/domain/due-entries.js';
import { guardianDigestsOf } from '../../functions/src/domain/guardian-digest.js';
import { SUPERVISOR_OVERDUE_AFTER_DAYS, supervisorDigestOf } from '../../functions/src/domain/supervisor-digest.js';
import { digestSubscribeFields, townRobotMessage } from '../../functions/src/notify/digest-messages.js';
import { guardian, makeChild, pathOf } from '../store/fixtures.js';

/** Issue 9: what the supervisors' and the guardians' daily digests count, and how the outside channels word them. */
const today = '2026-04-10';
const quiet = { withoutTeam: 0, disputed: 0, unconfirmed: 0, unconfirmedAfterDays: 3, unacknowledgedConcerns: 0 };

function entry(dueDate: string, assigneeId: string | null = 'sw-1'): DueEntry {
  return {
    obligation: {
      childId: `c-${dueDate}`,
      kind: 'contact',
      performer: 'socialWorker',
      interval: { unit: 'month', count: 1 },
      dueDate,
      lastCompletedOn: null,
      ruleId: 'R3',
      reason: '每月联系一次（R3）',
      alsoRequiredBy: [],
      endsOn: null,
    },
    childName: '李小明',
    region: pathOf('v1'),
    assigneeId,
  };
}

describe('the supervisor’s digest', () => {
  it('counts a visit more than a week late, not one exactly a week late, whoever holds it', () => {
    expect(SUPERVISOR_OVERDUE_AFTER_DAYS).toBe(7);
    const digest = supervisorDigestOf([entry('2026-04-03'), entry('2026-04-02', null), entry('2026-04-09'), entry('2026-04-12')], quiet, today);

    expect(digest).toEqual({ date: today, overdueLong: 1, overdueAfterDays: 7, ...quiet });
  });

  it('is not sent when the town has nothing for its supervisors', () => {
    expect(supervisorDigestOf([entry('2026-04-08')], quiet, today)).toBeNull();
    expect(supervisorDigestOf([], { ...quiet, unacknowledgedConcerns: 1 }, today)).toMatchObject({ unacknowledgedConcerns: 1 });
  });
});

describe('the guardian’s digest', () => {
  it('is one per guardian with an account, counting the visits of all their children', () => {
    const a = makeChild('a', { guardians: [guardian('g-1'), guardian('g-2', '王秀英')] });
    const b = makeChild('b', { guardians: [guardian('g-1'), guardian(null, '赵建国')] });
    const digests = guardianDigestsOf([{ childId: 'a' }, { childId: 'b' }, { childId: 'b' }, { childId: 'gone' }], [a, b], today);

    expect(Object.fromEntries(digests)).toEqual({ 'g-1': { date: today, awaitingAnswer: 3 }, 'g-2': { date: today, awaitingAnswer: 1 } });
  });
});

describe('the digests on the outside channels', () => {
  it('fit the subscription template in counts, and the town’s robot message names no child', () => {
    const supervisor = { date: today, overdueLong: 2, overdueAfterDays: 7, ...quiet, disputed: 1 };
    expect(digestSubscribeFields({ kind: 'supervisorDigest', digest: supervisor }, new Date('2026-04-10T00:00:00Z'))).toEqual({
      thing1: '今日督导提醒',
      thing2: '逾期超7天2项，异议1条',
      time3: new Date('2026-04-10T00:00:00Z'),
    });
    const message = townRobotMessage({ townName: '叶榭镇', date: today, overdue: 3, dueSoon: 0, dueSoonDays: 3, supervisor });
    expect(message).toEqual({
      msgtype: 'text',
      content: '叶榭镇 2026-04-10 今日待办：3 项走访已逾期；2 项走访逾期超过 7 天；1 条走访监护人有异议。详情请在“守护”小程序中查看。',
    });
    expect(townRobotMessage({ townName: '叶榭镇', date: today, overdue: 0, dueSoon: 0, dueSoonDays: 3, supervisor: null })).toBeNull();
  });
});
