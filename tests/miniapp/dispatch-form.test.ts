import { describe, expect, it } from 'vitest';
import { dispatchFormOf, parseDispatchForm } from '../../miniapp/src/lib/dispatch-form.js';
import { createFormDraftStore } from '../../miniapp/src/lib/form-draft.js';
import { fakeStorage } from '../support/fake-storage.js';

/** R24: the supervisor's dispatch typed and not saved is kept with the version it was typed on. */
describe('a quarterly dispatch draft', () => {
  const sections = { typicalCases: '每周电话回访。', problems: '', nextSteps: '下季度入户两次。' };

  it('starts from what is saved, with its version', () => {
    expect(dispatchFormOf({ sections, version: 3 })).toEqual({ ...sections, baseVersion: 3 });
  });

  it('comes back after a restart with its base version, and a stored draft that is not whole is none', () => {
    const storage = fakeStorage();
    const store = createFormDraftStore(storage, 'test.dispatch', parseDispatchForm);
    store.save('u1', 'town-1.2026-Q4', { key: 'key-12345678', form: { ...sections, baseVersion: 2 }, savedAt: '2026-11-30T06:00:00Z' });
    const reopened = createFormDraftStore(storage, 'test.dispatch', parseDispatchForm);
    expect(reopened.load('u1', 'town-1.2026-Q4')?.form).toEqual({ ...sections, baseVersion: 2 });
    expect(reopened.load('u1', 'town-1.2026-Q3')).toBeNull();

    storage.set('test.dispatch.u1.a', { key: 'k', savedAt: 'x', form: { ...sections, baseVersion: '2' } });
    storage.set('test.dispatch.u1.b', { key: 'k', savedAt: 'x', form: { ...sections, baseVersion: -1 } });
    storage.set('test.dispatch.u1.c', { key: 'k', savedAt: 'x', form: { typicalCases: '有', problems: 3, nextSteps: '', baseVersion: 0 } });
    for (const id of ['a', 'b', 'c']) expect(reopened.load('u1', id)).toBeNull();
  });
});
