import { describe, expect, it } from 'vitest';
import { createDraftStore, parseDraft, type CheckInDraft } from '../../miniapp/src/lib/check-in-draft.js';
import { initialCheckInForm } from '../../miniapp/src/lib/check-in-form.js';
import type { RemovableStorage } from '../../miniapp/src/lib/json-storage.js';
import { fakeStorage } from '../support/fake-storage.js';

const now = new Date('2026-11-23T10:30:00+08:00');

function draftOf(notes: string, key = 'form-key-1'): CheckInDraft {
  return { key, form: { ...initialCheckInForm(now, 'sw-1'), notes }, savedAt: now.toISOString() };
}

describe('check-in drafts (issue 7, B5)', () => {
  it('keeps what was typed, with the form’s key, across a restart (a new store over the same storage)', () => {
    const storage = fakeStorage();
    createDraftStore(storage).save('sw-1', 'child-1', draftOf('外婆身体尚可'));

    const restored = createDraftStore(storage).load('sw-1', 'child-1');

    expect(restored).toEqual(draftOf('外婆身体尚可'));
  });

  it('keeps one draft per user and child: another child or another user of the phone starts empty', () => {
    const store = createDraftStore(fakeStorage());
    store.save('sw-1', 'child-1', draftOf('甲'));
    store.save('sw-1', 'child-2', draftOf('乙', 'form-key-2'));

    expect(store.load('sw-1', 'child-1')?.form.notes).toBe('甲');
    expect(store.load('sw-1', 'child-2')?.form.notes).toBe('乙');
    expect(store.load('dir-1', 'child-1')).toBeNull();
  });

  it('is gone once cleared (the check-in is queued), and clearing one leaves the others', () => {
    const storage = fakeStorage();
    const store = createDraftStore(storage);
    store.save('sw-1', 'child-1', draftOf('甲'));
    store.save('sw-1', 'child-2', draftOf('乙'));

    store.clear('sw-1', 'child-1');

    expect(store.load('sw-1', 'child-1')).toBeNull();
    expect(store.load('sw-1', 'child-2')?.form.notes).toBe('乙');
    expect([...storage.raw.keys()]).toEqual(['shouhu.checkInDraft.sw-1.child-2']);
  });

  it('says so instead of throwing when the phone is full, so typing goes on', () => {
    const full: RemovableStorage = {
      get: () => '',
      set: () => {
        throw new Error('setStorageSync:fail exceed storage max size');
      },
      remove: () => undefined,
    };
    expect(createDraftStore(full).save('sw-1', 'child-1', draftOf('甲'))).toBe(false);
  });

  it.each([
    ['nothing', ''],
    ['not JSON', '{'],
    ['no key', { form: draftOf('甲').form, savedAt: now.toISOString() }],
    ['a form missing its fields', { key: 'k', form: { notes: '甲' }, savedAt: now.toISOString() }],
    ['participants that are not a list', { ...draftOf('甲'), form: { ...draftOf('甲').form, participantIds: 'sw-1' } }],
  ])('ignores storage holding %s', (_case, raw) => {
    expect(parseDraft(raw)).toBeNull();
  });

  it('reads a draft stored as a JSON string, as some platforms return it', () => {
    expect(parseDraft(JSON.stringify(draftOf('甲')))).toEqual(draftOf('甲'));
  });
});
