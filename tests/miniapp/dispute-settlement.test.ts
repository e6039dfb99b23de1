import { describe, expect, it } from 'vitest';
import {
  emptySettleForm,
  isBlankSettleForm,
  outcomeChoices,
  outcomeHintOf,
  resolutionText,
  settleConfirmOf,
  settleConflictText,
  settledByText,
  settleInputOf,
  settleProblemOf,
} from '../../miniapp/src/lib/dispute-settlement.js';
import { createSettleDraftStore, parseSettleDraft } from '../../miniapp/src/lib/settle-draft.js';
import { fakeStorage } from '../support/fake-storage.js';
import { visitDetail } from '../support/visit-detail.js';

/** Issue 7, B2: the supervisor settles a guardian's dispute from the visit's page. */
const now = new Date('2026-11-25T10:00:00+08:00');

describe('the settlement form', () => {
  it('offers the three outcomes in words, and says what the ambiguous one means', () => {
    expect(outcomeChoices.map((choice) => choice.label)).toEqual(['核实属实', '与记录不符', '已安排重新走访']);
    expect(outcomeHintOf('verified')).toBe('核实后，走访记录属实。');
    expect(outcomeHintOf(null)).toBeNull();
  });

  it('asks for an outcome and a note before anything is sent', () => {
    expect(settleProblemOf(emptySettleForm)).toBe('请选择处理结果');
    expect(settleProblemOf({ outcome: 'verified', note: '  \n ' })).toBe('请写明核实的情况或安排');
    expect(settleProblemOf({ outcome: 'verified', note: '已电话核实' })).toBeNull();
  });

  it('sends the trimmed note on the version the supervisor saw, and asks first', () => {
    expect(settleInputOf({ outcome: 'notAsRecorded', note: ' 社工当天未入户 ' }, 3)).toEqual({ outcome: 'notAsRecorded', note: '社工当天未入户', version: 3 });
    expect(settleConfirmOf('notAsRecorded').title).toBe('确认处理为“与记录不符”？');
  });

  it('tells a blank form from a begun one', () => {
    expect(isBlankSettleForm({ outcome: null, note: ' ' })).toBe(true);
    expect(isBlankSettleForm({ outcome: null, note: '已' })).toBe(false);
    expect(isBlankSettleForm({ outcome: 'verified', note: '' })).toBe(false);
  });
});

describe('the settlement as the page shows it', () => {
  const settled = visitDetail({
    names: { 'sw-1': '王晓静', 'sup-1': '沈志强' },
    resolution: { outcome: 'notAsRecorded', note: '社工当天未入户', byUserId: 'sup-1', at: '2026-11-24T02:05:00.000Z' },
  });

  it('says the outcome, who settled it and when', () => {
    expect(resolutionText(settled.resolution!)).toBe('督导员已处理：与记录不符');
    expect(settledByText(settled, now)).toBe('沈志强 · 11月24日 10:05');
    expect(settledByText(visitDetail(), now)).toBeNull();
  });

  it('explains a 409: settled by someone else, by this supervisor already (a retry), or the visit changed', () => {
    expect(settleConflictText(settled, 'sup-2')).toBe('这条异议已由沈志强处理（与记录不符），页面已重新加载。');
    expect(settleConflictText(settled, 'sup-1')).toBe('这条异议您已处理过，处理结果见下方。');
    expect(settleConflictText(visitDetail(), 'sup-1')).toBe('这次走访的记录已有更新，已为您重新加载，请核对后再处理。');
  });
});

describe('the settlement draft', () => {
  it('keeps the outcome and the note per user and visit across a restart, until cleared', () => {
    const storage = fakeStorage();
    createSettleDraftStore(storage).save('sup-1', 'v1', { outcome: 'revisitArranged', note: '周五再去' }, now);

    const store = createSettleDraftStore(storage);
    expect(store.load('sup-1', 'v1')).toEqual({ form: { outcome: 'revisitArranged', note: '周五再去' }, savedAt: now.toISOString() });
    expect(store.load('sup-1', 'v2')).toBeNull();
    expect(store.load('sup-2', 'v1')).toBeNull();

    store.clear('sup-1', 'v1');
    expect(store.load('sup-1', 'v1')).toBeNull();
  });

  it('takes nothing from storage that is not a whole draft', () => {
    expect(parseSettleDraft({ form: { outcome: 'maybe', note: '' }, savedAt: 'x' })).toBeNull();
    expect(parseSettleDraft({ form: { outcome: null, note: 3 }, savedAt: 'x' })).toBeNull();
    expect(parseSettleDraft('')).toBeNull();
    expect(parseSettleDraft({ form: { note: '写了一半' }, savedAt: 'x' })).toEqual({ form: { outcome: null, note: '写了一半' }, savedAt: 'x' });
  });

  it('says so when the phone refuses to keep it, instead of failing the page', () => {
    const full = { ...fakeStorage(), set: () => { throw new Error('full'); } };
    expect(createSettleDraftStore(full).save('sup-1', 'v1', emptySettleForm, now)).toBe(false);
  });
});
