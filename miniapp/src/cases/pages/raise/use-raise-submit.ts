import type { EscalationView } from '../../../api';
import type { FormDraftControls } from '../../../hooks/use-form-draft';
import { useKeyedFormSubmit, type KeyedFormSubmit } from '../../../hooks/use-keyed-form-submit';
import { escalationFieldOf, toEscalationInput, validateEscalationForm, type EscalationField, type EscalationForm } from '../../../lib/escalation-form';
import { api } from '../../../services/api';

/**
 * Raises the child's case once (issue 8, R6): checked as the server would, sent under the form's own key (a retry
 * after a lost answer is the same case); `result` is the case as the server keeps it.
 */
export function useRaiseSubmit(childId: string, draft: FormDraftControls<EscalationForm>): KeyedFormSubmit<EscalationField, EscalationView> {
  return useKeyedFormSubmit({
    draft,
    validate: validateEscalationForm,
    send: (form, key) => api.raiseEscalation(childId, toEscalationInput(form), key),
    fieldOf: escalationFieldOf,
    fallback: '个案没有提请成功，请稍后再试',
    keyReused: {
      title: '这份处置表上次已经送出过',
      detail: '之后又改动了内容。再点一次“提请”，改动后的内容会作为一个新的个案送出。',
    },
    offline: {
      title: '网络连接失败，个案还没有提请',
      detail: '填写的内容已保存在手机上。请检查网络后再点“提请”。',
    },
  });
}
