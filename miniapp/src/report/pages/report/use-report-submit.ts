import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { asApiError, NETWORK_FAILURE_STATUS, type ApiError, type MyConcern } from '../../../api';
import type { FormDraftControls } from '../../../hooks/use-form-draft';
import { useOneAtATime } from '../../../hooks/use-one-at-a-time';
import {
  reportFieldOf,
  toPublicConcernInput,
  toStaffConcernInput,
  validateReportForm,
  type ConcernReportForm,
  type ReportFormErrors,
  type ReportMode,
} from '../../../lib/concern-report-form';
import { api } from '../../../services/api';

/** What the page shows once the report is in: the tracking code (public, shown this once) or the user's report. */
export type ReportSent = { urgent: boolean } & ({ mode: 'public'; trackingCode: string } | { mode: 'signedIn'; concern: MyConcern });

export interface ReportSubmit {
  errors: ReportFormErrors;
  failure: Failure | null;
  submitting: boolean;
  sent: ReportSent | null;
  submit: () => Promise<void>;
}

type Failure = Pick<ApiError, 'title' | 'detail'>;

/** The server took the key for another report (a form changed after a send whose answer was lost). */
const KEY_REUSED = 409;
const keyReused: Failure = {
  title: '这份报告上次已经送出过',
  detail: '之后又改动了内容。再点一次“提交报告”，改动后的内容会作为一份新报告送出。',
};
const notSentOffline: Failure = {
  title: '网络连接失败，报告还没有送出',
  detail: '填写的内容已保存在手机上。请检查网络后再点“提交报告”；情况紧急请直接拨打110。',
};

/**
 * Sends one report form once (issue 8): checked as the server would, sent under the form's own key (a retry after a
 * lost answer is the same report, with the same tracking code), the button inert while it is on its way.
 */
export function useReportSubmit(mode: ReportMode, draft: FormDraftControls<ConcernReportForm>): ReportSubmit {
  // Once the reporter tried to send, each field says what it still lacks, and stops saying it once put right.
  const [attempted, setAttempted] = useState(false);
  const [serverErrors, setServerErrors] = useState<ReportFormErrors>({});
  const [failure, setFailure] = useState<Failure | null>(null);
  const [sent, setSent] = useState<ReportSent | null>(null);
  const { busy: submitting, run } = useOneAtATime();
  const [shownErrors, setShownErrors] = useState(0);

  useEffect(() => setServerErrors({}), [draft.form]);
  const errors: ReportFormErrors = attempted ? { ...validateReportForm(draft.form, mode), ...serverErrors } : {};

  useEffect(() => {
    // The button is at the bottom, the first problem often far above it: take the reporter there.
    if (shownErrors > 0) Taro.pageScrollTo({ selector: '.form-error', duration: 200 }).catch(() => undefined);
  }, [shownErrors]);

  async function send() {
    const { form, key } = draft;
    const urgent = form.urgent === true;
    try {
      if (mode === 'public') {
        const answer = await api.reportPublicConcern(toPublicConcernInput(form), key);
        setSent({ mode, urgent, trackingCode: answer.trackingCode });
      } else {
        const concern = await api.reportConcern(toStaffConcernInput(form), key);
        setSent({ mode, urgent, concern });
      }
      draft.done();
    } catch (e) {
      const error = asApiError(e, '报告没有送出，请稍后再试');
      const field = reportFieldOf(error.field);
      if (error.status === KEY_REUSED) {
        // Better a second report than a lost one: the changed form goes again under a new key.
        draft.reopen();
        setFailure(keyReused);
      } else if (field && error.status >= 400 && error.status < 500) {
        setServerErrors({ [field]: error.detail ?? error.title });
        setShownErrors((count) => count + 1);
      } else setFailure(error.status === NETWORK_FAILURE_STATUS ? notSentOffline : error);
    }
  }

  return {
    errors,
    failure,
    submitting,
    sent,
    submit: () =>
      run(async () => {
        const found = validateReportForm(draft.form, mode);
        setAttempted(true);
        setFailure(null);
        if (Object.keys(found).length > 0) setShownErrors((count) => count + 1);
        else await send();
      }),
  };
}
