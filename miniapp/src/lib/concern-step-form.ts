import type { ConcernStepRequest } from '../api/concern-types';
import type { ConcernStep } from './concern-words';

/**
 * A handler's step on a concern (issue 8, part 3): a dated note with every step, the risk level when assessing (R14's
 * grades), and for closing the feedback the reporter is told (R17). Checked as concern-lifecycle.ts checks it.
 */
export interface StepForm {
  note: string;
  riskLevel: 'red' | 'yellow' | 'green' | null;
  closingFeedback: string;
}

/** The server's limits (concern-lifecycle.ts: note and feedback 1000). */
export const stepTextLimits = { note: 1000, closingFeedback: 1000 } as const;

export const emptyStepForm: StepForm = { note: '', riskLevel: null, closingFeedback: '' };

/** What is missing for this step, in words; null when it can be sent. */
export function stepProblemOf(step: ConcernStep, form: StepForm): string | null {
  if (step === 'assessed' && form.riskLevel === null) return '请选择风险等级';
  if (step === 'closed' && form.closingFeedback.trim() === '') return '请写下给报告人的反馈';
  return null;
}

/** Only the fields this step takes: a risk level or a feedback sent with another step is refused by the server. */
export function toStepRequest(step: ConcernStep, form: StepForm, version: number): ConcernStepRequest {
  return {
    to: step,
    note: form.note,
    riskLevel: step === 'assessed' ? form.riskLevel : null,
    closingFeedback: step === 'closed' ? form.closingFeedback : null,
    version,
  };
}
