import { useEffect, useState } from 'react';
import { initialCheckInForm, type CheckInForm, type CheckInPreset } from '../../../lib/check-in-form';
import { createUuid } from '../../../lib/uuid';
import { checkInDrafts } from '../../../services/offline-data';

interface DraftState {
  form: CheckInForm;
  /** The form's idempotency key: one per form, kept across taps, reloads and restarts (issue 7, B5). */
  key: string;
  /** Typed by the worker and not queued yet: what the draft keeps and what leaving warns about. */
  dirty: boolean;
  /** When the form came back from storage ("已恢复上次未提交的内容"): when it was last changed; else null. */
  restoredFrom: string | null;
}

function freshState(userId: string, preset: CheckInPreset): DraftState {
  return { form: initialCheckInForm(new Date(), userId, preset), key: createUuid(), dirty: false, restoredFrom: null };
}

export interface CheckInDraftControls extends DraftState {
  /** A change the worker made: from now on the form is kept as a draft. */
  edit: (update: (form: CheckInForm) => CheckInForm) => void;
  /** A change the app made (the location fix): kept only along with what the worker typed. */
  adjust: (update: (form: CheckInForm) => CheckInForm) => void;
  /** Throws the draft away and starts a new, empty form. */
  discard: () => void;
  /** The check-in is in the queue under this form's key: the draft is done with. */
  queued: () => void;
  /** The server refused the queued check-in for good: the form comes back, under a new key, to be corrected. */
  reopen: () => void;
}

/** The check-in form's state, kept on the phone per user and child from the first change until it is queued. */
export function useCheckInDraft(userId: string, childId: string, preset: CheckInPreset): CheckInDraftControls {
  const [state, setState] = useState<DraftState>(() => {
    const draft = userId && childId ? checkInDrafts.load(userId, childId) : null;
    return draft ? { form: draft.form, key: draft.key, dirty: true, restoredFrom: draft.savedAt } : freshState(userId, preset);
  });

  useEffect(() => {
    if (!state.dirty || !userId || !childId) return;
    // Written on every change: a draft is a few kilobytes, and a phone may be put away at any moment.
    checkInDrafts.save(userId, childId, { key: state.key, form: state.form, savedAt: new Date().toISOString() });
  }, [state, userId, childId]);

  return {
    ...state,
    edit: (update) => setState((s) => ({ ...s, form: update(s.form), dirty: true })),
    adjust: (update) => setState((s) => ({ ...s, form: update(s.form) })),
    discard: () => {
      checkInDrafts.clear(userId, childId);
      setState(freshState(userId, preset));
    },
    queued: () => {
      checkInDrafts.clear(userId, childId);
      setState((s) => ({ ...s, dirty: false, restoredFrom: null }));
    },
    reopen: () => setState((s) => ({ ...s, key: createUuid(), dirty: true })),
  };
}
