import type { MyConcern } from '../../../api';
import type { FormDraftControls } from '../../../hooks/use-form-draft';
import { useKeyedFormSubmit, type KeyedFormSubmit } from '../../../hooks/use-keyed-form-submit';
import {
  reportFieldOf,
  toPublicConcernInput,
  toStaffConcernInput,
  validateReportForm,
  type ConcernReportForm,
  type ReportField,
  type ReportMode,
} from '../../../lib/concern-report-form';
import { api } from '../../../services/api';

/** What the page shows once the report is in: the tracking code (public, shown this once) or the user's report. */
export type ReportSent = { urgent: boolean } & ({ mode: 'public'; trackingCode: string } | { mode: 'signedIn'; concern: MyConcern });

/**
 * Sends one report form once (issue 8): checked as the server would, sent under the form's own key (a retry after a
 * lost answer is the same report, with the same tracking code); `result` is what the page shows once it is in.
 */
export function useReportSubmit(mode: ReportMode, draft: FormDraftControls<ConcernReportForm>): KeyedFormSubmit<ReportField, ReportSent> {
  return useKeyedFormSubmit({
    draft,
    validate: (form) => validateReportForm(form, mode),
    send: async (form, key): Promise<ReportSent> => {
      const urgent = form.urgent === true;
      if (mode === 'public') return { mode, urgent, trackingCode: (await api.reportPublicConcern(toPublicConcernInput(form), key)).trackingCode };
      return { mode, urgent, concern: await api.reportConcern(toStaffConcernInput(form), key) };
    },
    fieldOf: reportFieldOf,
    fallback: '报告没有送出，请稍后再试',
    keyReused: {
      title: '这份报告上次已经送出过',
      detail: '之后又改动了内容。再点一次“提交报告”，改动后的内容会作为一份新报告送出。',
    },
    offline: {
      title: '网络连接失败，报告还没有送出',
      detail: '填写的内容已保存在手机上。请检查网络后再点“提交报告”；情况紧急请直接拨打110。',
    },
  });
}
