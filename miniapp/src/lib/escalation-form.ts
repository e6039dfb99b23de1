import type { EscalationInput } from '../api/escalation-types';
import { hasStringFields } from './form-draft';

/**
 * The handling form (疑难个案处置表, issue 8 part 4, R6) a child's social worker or director fills in to raise a case
 * the village cannot solve: the problem, what was tried, the help needed, and whether it is urgent.
 */
export interface EscalationForm {
  problem: string;
  tried: string;
  helpNeeded: string;
  /** Asked, never assumed: it decides how soon each level must acknowledge; null until answered. */
  urgent: boolean | null;
}

export type EscalationField = keyof EscalationForm;
export type EscalationFormErrors = Partial<Record<EscalationField, string>>;

/** The server's limit of each text (domain/escalation.ts, TEXT_MAX). */
export const ESCALATION_TEXT_MAX = 1000;

export const emptyEscalationForm: EscalationForm = { problem: '', tried: '', helpNeeded: '', urgent: null };

const missing: Record<EscalationField, string> = {
  problem: '请写下孩子和家庭遇到的问题',
  tried: '请写下已经采取的措施；还没有采取的话写“暂无”',
  helpNeeded: '请写下需要哪些帮助',
  urgent: '请选择是否紧急',
};

const textFields = ['problem', 'tried', 'helpNeeded'] as const;

/** The form checked as the server would (every text required, at most 1000 characters), each problem in words. */
export function validateEscalationForm(form: EscalationForm): EscalationFormErrors {
  const errors: EscalationFormErrors = {};
  for (const field of textFields) {
    if (form[field].trim() === '') errors[field] = missing[field];
    else if (Array.from(form[field]).length > ESCALATION_TEXT_MAX) errors[field] = `不能超过${ESCALATION_TEXT_MAX}个字`;
  }
  if (form.urgent === null) errors.urgent = missing.urgent;
  return errors;
}

/** Only for a form that passed validateEscalationForm. */
export function toEscalationInput(form: EscalationForm): EscalationInput {
  return { problem: form.problem, tried: form.tried, helpNeeded: form.helpNeeded, urgent: form.urgent === true };
}

/** A stored draft's form, or null when it is not whole (an older version of the app, a hand edit). */
export function parseEscalationForm(form: Record<string, unknown>): EscalationForm | null {
  if (!hasStringFields(form, textFields)) return null;
  if (form.urgent !== null && typeof form.urgent !== 'boolean') return null;
  return { problem: form.problem as string, tried: form.tried as string, helpNeeded: form.helpNeeded as string, urgent: form.urgent };
}

/** The form field a server problem is about, or null for the form as a whole (the key, the child). */
export function escalationFieldOf(serverField: string | undefined): EscalationField | null {
  const head = serverField?.split('.')[0];
  return head === 'problem' || head === 'tried' || head === 'helpNeeded' || head === 'urgent' ? head : null;
}

