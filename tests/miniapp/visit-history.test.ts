import { describe, expect, it } from 'vitest';
import { firstValuesOf, historyOf, isWithdrawn, withdrawalOf } from '../../miniapp/src/lib/visit-history.js';
import { visitDetail } from '../support/visit-detail.js';

/** Issue 7, B3: what a visit's page says of its corrections and withdrawal, and of the values first recorded. */
const now = new Date('2026-11-25T10:00:00+08:00');

const corrected = visitDetail({
  endedAt: '2026-11-23T10:30:00+08:00',
  participantIds: ['sw-1'],
  notes: '改过的记录',
  names: { 'sw-1': '王晓静', 'dir-1': '张桂英' },
  corrections: [
    { kind: 'corrected', at: '2026-11-24T06:10:00.000Z', byUserId: 'sw-1', reason: '儿童主任那天没有去', changedFields: ['participantIds'] },
    { kind: 'corrected', at: '2026-11-24T07:00:00.000Z', byUserId: 'sw-1', reason: '时间填错', changedFields: ['endedAt', 'notes'] },
  ],
  asRecorded: {
    startedAt: '2026-11-23T09:30:00+08:00',
    endedAt: '2026-11-23T12:00:00+08:00',
    participantIds: ['sw-1', 'dir-1'],
    companionNames: [],
    services: ['dailyCare'],
    notes: '',
    problemsFound: '',
    r3: { applies: true, met: true, shortfalls: [] },
  },
});

describe('the history of a visit', () => {
  it('says each correction: what it changed, who made it and when, and why', () => {
    expect(historyOf(corrected, now)).toEqual([
      { kind: 'corrected', what: '更正了走访人员', byWhen: '王晓静 · 11月24日 14:10', reason: '儿童主任那天没有去' },
      { kind: 'corrected', what: '更正了结束时间、服务记录', byWhen: '王晓静 · 11月24日 15:00', reason: '时间填错' },
    ]);
    expect(withdrawalOf(corrected, now)).toBeNull();
  });

  it('keeps the first values of what was changed visible, by name and in words, in the order of the form', () => {
    expect(firstValuesOf(corrected, now)).toEqual([
      { field: 'endedAt', label: '结束时间', value: '11月23日 12:00' },
      { field: 'participantIds', label: '走访人员', value: '王晓静、张桂英' },
      { field: 'notes', label: '服务记录', value: '未填写' },
    ]);
  });

  it('adds R3’s verdict on the first record when a correction changed it', () => {
    const short = { applies: true, met: false, shortfalls: ['走访人数不足2人（实到1人）'] };
    const madeWhole = { ...corrected, asRecorded: { ...corrected.asRecorded!, r3: short } };

    expect(firstValuesOf(madeWhole, now).at(-1)).toEqual({
      field: 'r3',
      label: '每月入户走访要求',
      value: '未达到每月入户走访要求（R3）：走访人数不足2人（实到1人）',
    });
  });

  it('says a withdrawal, and for a guardian (no reason, no first record) only what they may see', () => {
    const withdrawn = visitDetail({ corrections: [{ kind: 'withdrawn', at: '2026-11-24T02:00:00.000Z', byUserId: 'sw-1', changedFields: [] }] });

    expect(isWithdrawn(withdrawn)).toBe(true);
    expect(isWithdrawn(corrected)).toBe(false);
    expect(withdrawalOf(withdrawn, now)).toEqual({ kind: 'withdrawn', what: '撤回了这条记录', byWhen: '王晓静 · 11月24日 10:00', reason: null });
    expect(firstValuesOf({ ...corrected, asRecorded: undefined }, now)).toEqual([]);
  });

  it('names someone the page has no name for by their work, never by an id', () => {
    const entry = historyOf(visitDetail({ names: {}, corrections: [{ kind: 'withdrawn', at: '2026-11-24T02:00:00.000Z', byUserId: 'sw-9', changedFields: [] }] }), now);
    expect(entry[0].byWhen).toBe('工作人员 · 11月24日 10:00');
  });
});
