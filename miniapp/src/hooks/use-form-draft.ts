import { useEffect, useState } from 'react';
import type { FormDraftStore } from '../lib/form-draft';
import { createUuid } from '../lib/uuid';

interface DraftState<F> {
  form: F;
  /** The form's idempotency key: one per form, kept across taps, reloads and restarts (issue 7, B5). */
  key: string;
  /** Changed by the user and not sent yet: what the draft keeps and what leaving warns about. */
  dirty: boolean;
  /** When the form came back from storage ("已恢复上次未提交的内容"): when it was last changed; else null. */
  restoredFrom: string | null;
}

export interface FormDraftControls<F> extends DraftState<F> {
  /** A change the user made: from now on the form is kept as a draft. */
  edit: (update: (form: F) => F) => void;
  /** A change the app made (a location fix, a child looked up): kept only along with what the user typed. */
  adjust: (update: (form: F) => F) => void;
  /** Throws the draft away and starts a new, empty form. */
  discard: () => void;
  /** The form is sent (or queued) under its key: the draft is done with. */
  done: () => void;
  /** The server refused what was sent for good: the form comes back, under a new key, to be corrected. */
  reopen: () => void;
}

/**
 * A form's state, kept on the phone per user and form from the first change until it is sent (issue 7, B5). Without
 * a user id or form id it is not kept. `fresh` makes the empty form.
 */
export function useFormDraft<F>(store: FormDraftStore<F>, userId: string, formId: string, fresh: () => F): FormDraftControls<F> {
  const kept = Boolean(userId && formId);
  const freshState = (): DraftState<F> => ({ form: fresh(), key: createUuid(), dirty: false, restoredFrom: null });
  const [state, setState] = useState<DraftState<F>>(() => {
    const draft = kept ? store.load(userId, formId) : null;
    return draft ? { form: draft.form, key: draft.key, dirty: true, restoredFrom: draft.savedAt } : freshState();
  });

  useEffect(() => {
    if (!state.dirty || !kept) return;
    // Written on every change: a draft is a few kilobytes, and a phone may be put away at any moment.
    store.save(userId, formId, { key: state.key, form: state.form, savedAt: new Date().toISOString() });
  }, [state, userId, formId]);

  return {
    ...state,
    edit: (update) => setState((s) => ({ ...s, form: update(s.form), dirty: true })),
    adjust: (update) => setState((s) => ({ ...s, form: update(s.form) })),
    discard: () => {
      store.clear(userId, formId);
      setState(freshState());
    },
    done: () => {
      store.clear(userId, formId);
      setState((s) => ({ ...s, dirty: false, restoredFrom: null }));
    },
    reopen: () => setState((s) => ({ ...s, key: createUuid(), dirty: true })),
  };
}
