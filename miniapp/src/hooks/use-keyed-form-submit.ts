import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { asApiError, NETWORK_FAILURE_STATUS, type ApiError } from '../api';
import { fieldMessageOf } from '../lib/field-message';
import type { FormDraftControls } from './use-form-draft';
import { useOneAtATime } from './use-one-at-a-time';

export type Failure = Pick<ApiError, 'title' | 'detail'>;

/** The server took the key for another record: a form changed after a send whose answer was lost. */
const KEY_REUSED = 409;

export interface KeyedFormSubmitOptions<F, Field extends string, R> {
  draft: FormDraftControls<F>;
  /** The form checked as the server would: what each field still lacks. */
  validate: (form: F) => Partial<Record<Field, string>>;
  /** Sends the form under the draft's own key, so a retry after a lost answer makes the same record. */
  send: (form: F, key: string) => Promise<R>;
  /** The form's field a server refusal names, if it is one. */
  fieldOf: (serverField: string | undefined) => Field | null;
  /** Said when the server gave no words of its own. */
  fallback: string;
  /** Said when the form was sent before, changed since, and will go as a new record. */
  keyReused: Failure;
  /** Said when there was no network: the form is kept on the phone. */
  offline: Failure;
}

export interface KeyedFormSubmit<Field extends string, R> {
  errors: Partial<Record<Field, string>>;
  failure: Failure | null;
  submitting: boolean;
  /** What the server answered, once sent. */
  result: R | null;
  submit: () => Promise<void>;
}

/**
 * Sends a kept form once (issue 8's report and handling forms): checked first, sent under the form's key, the button
 * inert while it is on its way. Once the user tried to send, each field says what it still lacks (and stops once put
 * right); a field the server refuses is said next to that field; the page scrolls to the first problem.
 */
export function useKeyedFormSubmit<F, Field extends string, R>(options: KeyedFormSubmitOptions<F, Field, R>): KeyedFormSubmit<Field, R> {
  const { draft, validate } = options;
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [result, setResult] = useState<R | null>(null);
  const [shownErrors, setShownErrors] = useState(0);
  const { busy: submitting, run } = useOneAtATime();

  useEffect(() => setServerErrors({}), [draft.form]);
  const errors = attempted ? { ...validate(draft.form), ...serverErrors } : {};

  useEffect(() => {
    // The button is at the bottom, the first problem often far above it: take the user there.
    if (shownErrors > 0) Taro.pageScrollTo({ selector: '.form-error', duration: 200 }).catch(() => undefined);
  }, [shownErrors]);

  async function send() {
    try {
      setResult(await options.send(draft.form, draft.key));
      draft.done();
    } catch (e) {
      const error = asApiError(e, options.fallback);
      const field = options.fieldOf(error.field);
      if (error.status === KEY_REUSED) {
        // Better a second record than a lost one: the changed form goes again under a new key.
        draft.reopen();
        setFailure(options.keyReused);
      } else if (field && error.status >= 400 && error.status < 500) {
        setServerErrors({ [field]: fieldMessageOf(error) } as Partial<Record<Field, string>>);
        setShownErrors((count) => count + 1);
      } else setFailure(error.status === NETWORK_FAILURE_STATUS ? options.offline : error);
    }
  }

  return {
    errors,
    failure,
    submitting,
    result,
    submit: () =>
      run(async () => {
        const found = validate(draft.form);
        setAttempted(true);
        setFailure(null);
        if (Object.keys(found).length > 0) setShownErrors((count) => count + 1);
        else await send();
      }),
  };
}
