import { describe, expect, it } from 'vitest';
import type { ChildDetail, DueItem } from '../../miniapp/src/api/types.js';
import { MAX_KEPT_CHILDREN, mergeChildDetail, mergeChildObligations, mergeDueList } from '../../miniapp/src/lib/child-basics.js';
import { fakeStorage } from '../support/fake-storage.js';
import { createSnapshotStore, offlineNoteOf } from '../../miniapp/src/lib/offline-snapshot.js';

const now = new Date('2026-11-23T10:32:00+08:00');

function due(childId: string, change: Partial<DueItem> = {}): DueItem {
  return {
    childId,
    childName: `儿童${childId}`,
    villageName: '井凌桥村',
    kind: 'homeVisit',
    performer: 'socialWorker',
    interval: { unit: 'month', count: 1 },
    dueDate: '2026-11-30',
    lastCompletedOn: null,
    ruleId: 'R3',
    reason: '家庭监护支持：社工每月至少入户走访一次（R3）',
    alsoRequiredBy: [],
    endsOn: null,
    assigneeId: 'sw-1',
    assigneeName: '王晓静',
    overdueDays: 0,
    ...change,
  };
}

describe('lists kept on the phone for use without signal (issue 7, B6)', () => {
  it('keeps the last answer with when it was loaded, per user, across a restart', () => {
    const storage = fakeStorage();
    createSnapshotStore(storage).save('sw-1', 'dueList', [due('c1')], now);

    const store = createSnapshotStore(storage);

    expect(store.load('sw-1', 'dueList')).toEqual({ data: [due('c1')], savedAt: now.toISOString() });
    expect(store.load('dir-1', 'dueList')).toBeNull();
    expect(store.load('sw-1', 'childBasics')).toBeNull();
  });

  it('drops everything of one user at logout, and nothing of another', () => {
    const storage = fakeStorage();
    const store = createSnapshotStore(storage);
    store.save('sw-1', 'dueList', [due('c1')], now);
    store.save('sw-1', 'childBasics', {}, now);
    store.save('dir-1', 'dueList', [], now);

    store.clearUser('sw-1');

    expect(store.load('sw-1', 'dueList')).toBeNull();
    expect(store.load('sw-1', 'childBasics')).toBeNull();
    expect(store.load('dir-1', 'dueList')).not.toBeNull();
  });

  it('says how old the copy is: the time today, the date before that', () => {
    expect(offlineNoteOf('2026-11-23T10:32:00+08:00', new Date('2026-11-23T15:00:00+08:00'))).toBe('离线数据，更新于 10:32');
    expect(offlineNoteOf('2026-11-22T18:05:00+08:00', new Date('2026-11-23T08:00:00+08:00'))).toBe('离线数据，更新于 11月22日 18:05');
  });
});

describe('the basics of the worker’s children', () => {
  it('learns name, village and what is due from the due list, for children never opened', () => {
    const map = mergeDueList({}, [due('c1'), due('c1', { kind: 'reassessment', ruleId: 'R21', dueDate: '2026-07-05', overdueDays: 141 })], now);

    expect(map.c1).toMatchObject({ id: 'c1', name: '儿童c1', villageName: '井凌桥村', r3Applies: true });
    expect(map.c1.team).toBeUndefined();
    expect(map.c1.due.map((d) => d.kind)).toEqual(['homeVisit', 'reassessment']);
  });

  it('keeps nothing personal beyond the name: no ID number, address or phone', () => {
    const child = {
      id: 'c1',
      name: '王浩然',
      idNumber: '310117201601011234',
      address: '青松村3组12号',
      guardians: [{ name: '王德明', relation: 'grandparent', phone: '13800000000' }],
      team: { supervisorId: 'sup', directorId: 'dir', socialWorkerId: 'sw-1' },
      status: 'active',
      region: { cityId: 'c', districtId: 'd', townId: 't', villageId: 'v' },
    } as unknown as ChildDetail;
    const kept = JSON.stringify(mergeChildDetail({}, child, '青松村', now));

    expect(kept).toContain('王浩然');
    expect(kept).toContain('sw-1');
    expect(kept).not.toContain('310117');
    expect(kept).not.toContain('12号');
    expect(kept).not.toContain('13800000000');
    expect(kept).not.toContain('王德明');
  });

  it('clears what is due for a child the new due list no longer has, keeping the rest', () => {
    const first = mergeDueList({}, [due('c1'), due('c2')], now);
    const next = mergeDueList(first, [due('c2')], now);
    expect(next.c1).toMatchObject({ name: '儿童c1', due: [] });
    expect(next.c2.due).toHaveLength(1);
  });

  it('settles R3 from the child’s whole list, which may say no', () => {
    const map = mergeChildObligations({}, 'c1', [due('c1', { ruleId: 'R11', performer: 'director' })], now);
    expect(map.c1.r3Applies).toBe(false);
  });

  it('keeps at most a bounded number of children, dropping those seen longest ago', () => {
    const earlier = mergeDueList({}, [due('old')], new Date('2026-01-01T00:00:00Z'));
    const many = Array.from({ length: MAX_KEPT_CHILDREN }, (_, i) => due(`c${i}`));
    const map = mergeDueList(earlier, many, now);
    expect(Object.keys(map)).toHaveLength(MAX_KEPT_CHILDREN);
    expect(map.old).toBeUndefined();
  });
});
