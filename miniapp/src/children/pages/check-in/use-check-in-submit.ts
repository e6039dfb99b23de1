import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import { r3ContextOf, type ChildBasics } from '../../../lib/child-basics';
import { toCheckInInput, validateCheckInForm, type CheckInFormErrors } from '../../../lib/check-in-form';
import { r3ShortfallsOf, r3WarningOf } from '../../../lib/r3-warning';
import type { Session } from '../../../lib/session';
import { checkInQueue } from '../../../services/check-in-queue';
import type { Outcome } from './check-in-result';
import type { CheckInDraftControls } from './use-check-in-draft';

export interface CheckInSubmit {
  errors: CheckInFormErrors;
  clearErrors: () => void;
  saveError: string | null;
  submitting: boolean;
  outcome: Outcome | null;
  submit: () => Promise<void>;
  /** After 失败: drops the refused item and gives the form back to be corrected. */
  editAgain: () => void;
}

/**
 * Sending one check-in form (issue 7, B4/B5): checked as the server would, warned about when it falls short of R3,
 * queued under the form's own key and sent once however fast the button is tapped.
 */
export function useCheckInSubmit(session: Session, childId: string, basics: ChildBasics | undefined, draft: CheckInDraftControls): CheckInSubmit {
  const [errors, setErrors] = useState<CheckInFormErrors>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [saveError, setSaveError] = useState<string | null>(null);
  // A ref, not state: two taps in one frame both see the state of before the first.
  const sending = useRef(false);
  const [submitting, setSubmitting] = useState(false);
  const [shownErrors, setShownErrors] = useState(0);

  useEffect(() => {
    // The button is at the bottom, the first problem often far above it: take the worker there.
    if (shownErrors > 0) Taro.pageScrollTo({ selector: '.form-error', duration: 200 }).catch(() => undefined);
  }, [shownErrors]);

  async function send() {
    const found = validateCheckInForm(draft.form, new Date());
    setErrors(found);
    if (Object.keys(found).length > 0) {
      setShownErrors((count) => count + 1);
      return;
    }
    const input = toCheckInInput(draft.form);
    const warning = r3WarningOf(r3ShortfallsOf(input, r3ContextOf(basics, session.user)));
    if (warning && !(await Taro.showModal(warning)).confirm) return;
    let key: string;
    try {
      // Stored on the phone before the first attempt: nothing is lost if the app closes or the network drops.
      key = checkInQueue.enqueue(childId, input, basics?.name ?? '', draft.key).key;
    } catch {
      setSaveError('手机存储空间不足，记录没有保存，请清理后重试');
      return;
    }
    draft.done();
    setOutcome({ state: 'sending' });
    await checkInQueue.flush({ force: true });
    const visit = checkInQueue.resultOf(key);
    const kept = checkInQueue.list().find((item) => item.key === key);
    if (visit) setOutcome({ state: 'sent', visit });
    else if (kept?.state === 'failed') setOutcome({ state: 'failed', item: kept });
    else if (kept) setOutcome({ state: 'queued', item: kept });
    else setOutcome(null);
  }

  return {
    errors,
    clearErrors: () => setErrors({}),
    saveError,
    submitting,
    outcome,
    async submit() {
      if (sending.current) return;
      sending.current = true;
      setSubmitting(true);
      try {
        await send();
      } finally {
        sending.current = false;
        setSubmitting(false);
      }
    },
    editAgain() {
      if (outcome?.state === 'failed') checkInQueue.discard(outcome.item.key);
      draft.reopen();
      setOutcome(null);
    },
  };
}
