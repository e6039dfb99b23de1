import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { asApiError, NETWORK_FAILURE_STATUS, type ApiError, type EscalationView } from '../../../api';
import type { FormDraftControls } from '../../../hooks/use-form-draft';
import { useOneAtATime } from '../../../hooks/use-one-at-a-time';
import {
  escalationFieldOf,
  fieldMessageOf,
  toEscalationInput,
  validateEscalationForm,
  type EscalationForm,
  type EscalationFormErrors,
} from '../../../lib/escalation-form';
import { api } from '../../../services/api';

type Failure = Pick<ApiError, 'title' | 'detail'>;

export interface RaiseSubmit {
  errors: EscalationFormErrors;
  failure: Failure | null;
  submitting: boolean;
  /** The case as the server keeps it, once raised. */
  raised: EscalationView | null;
  submit: () => Promise<void>;
}

/** The server took the key for another case: a form changed after a send whose answer was lost. */
const KEY_REUSED = 409;
const keyReused: Failure = {
  title: '这份处置表上次已经送出过',
  detail: '之后又改动了内容。再点一次“提请”，改动后的内容会作为一个新的个案送出。',
};
const notSentOffline: Failure = {
  title: '网络连接失败，个案还没有提请',
  detail: '填写的内容已保存在手机上。请检查网络后再点“提请”。',
};

/**
 * Raises the child's case once (issue 8, R6): checked as the server would, sent under the form's own key (a retry
 * after a lost answer is the same case), the button inert while it is on its way. A field the server refuses is said
 * next to that field.
 */
export function useRaiseSubmit(childId: string, draft: FormDraftControls<EscalationForm>): RaiseSubmit {
  // Once the worker tried to send, each field says what it still lacks, and stops saying it once put right.
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<EscalationFormErrors>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [raised, setRaised] = useState<EscalationView | null>(null);
  const [shownErrors, setShownErrors] = useState(0);
  const { busy: submitting, run } = useOneAtATime();

  useEffect(() => setServerErrors({}), [draft.form]);
  const errors: EscalationFormErrors = attempted ? { ...validateEscalationForm(draft.form), ...serverErrors } : {};

  useEffect(() => {
    // The button is at the bottom, the first problem often above the fold: take the worker there.
    if (shownErrors > 0) Taro.pageScrollTo({ selector: '.form-error', duration: 200 }).catch(() => undefined);
  }, [shownErrors]);

  async function send() {
    try {
      setRaised(await api.raiseEscalation(childId, toEscalationInput(draft.form), draft.key));
      draft.done();
    } catch (e) {
      const error = asApiError(e, '个案没有提请成功，请稍后再试');
      const field = escalationFieldOf(error.field);
      if (error.status === KEY_REUSED) {
        // Better a second case than a lost one: the changed form goes again under a new key.
        draft.reopen();
        setFailure(keyReused);
      } else if (field && error.status >= 400 && error.status < 500) {
        setServerErrors({ [field]: fieldMessageOf(error) });
        setShownErrors((count) => count + 1);
      } else setFailure(error.status === NETWORK_FAILURE_STATUS ? notSentOffline : error);
    }
  }

  return {
    errors,
    failure,
    submitting,
    raised,
    submit: () =>
      run(async () => {
        const found = validateEscalationForm(draft.form);
        setAttempted(true);
        setFailure(null);
        if (Object.keys(found).length > 0) setShownErrors((count) => count + 1);
        else await send();
      }),
  };
}
