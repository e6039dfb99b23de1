import type { StateGuardianshipStep } from '../api';
import { hasStringFields } from './form-draft';
import type { GuardianshipStep } from './state-guardianship-words';

/** Issue 12 part 3, R22: one step of temporary state guardianship as typed (kept on the phone until recorded). */
export interface GuardianshipForm {
  on: string;
  institution: string;
  /** 准予回归: '' until chosen, so nobody clears a return by a default. */
  cleared: '' | 'yes' | 'no';
  note: string;
  guardianName: string;
}

export type GuardianshipField = 'on' | 'institution' | 'cleared' | 'note' | 'guardianName';

/** The server's limits (domain/case-plan.ts stateGuardianshipInputSchema). */
export const GUARDIANSHIP_LIMITS = { institution: 100, note: 1000, guardianName: 50 } as const;

export const emptyGuardianshipForm = (today: string): GuardianshipForm => ({ on: today, institution: '', cleared: '', note: '', guardianName: '' });

export function parseGuardianshipForm(form: Record<string, unknown>): GuardianshipForm | null {
  if (!hasStringFields(form, ['on', 'institution', 'cleared', 'note', 'guardianName'])) return null;
  return ['', 'yes', 'no'].includes(form.cleared as string) ? (form as unknown as GuardianshipForm) : null;
}

/** What the step's form still lacks, as the server would refuse it: a date not after today nor before the placement. */
export function guardianshipFormErrors(step: GuardianshipStep, form: GuardianshipForm, today: string, placedOn: string | null): Partial<Record<GuardianshipField, string>> {
  const errors: Partial<Record<GuardianshipField, string>> = {};
  if (!form.on) errors.on = '请选择日期';
  else if (form.on > today) errors.on = '日期不能晚于今天';
  else if (step !== 'placed' && placedOn !== null && form.on < placedOn) errors.on = '日期不能早于临时监护开始日期';
  if (step === 'placed' && !form.institution.trim()) errors.institution = '请填写临时监护的机构';
  if (step === 'evaluated' && form.cleared === '') errors.cleared = '请选择是否准予回归家庭';
  if (step === 'collected' && !form.guardianName.trim()) errors.guardianName = '请填写领回孩子的监护人姓名';
  return errors;
}

/** The body of POST /children/{id}/state-guardianship for this step. */
export function guardianshipBodyOf(step: GuardianshipStep, form: GuardianshipForm): StateGuardianshipStep {
  if (step === 'placed') return { step, on: form.on, institution: form.institution.trim() };
  if (step === 'evaluated') return { step, on: form.on, cleared: form.cleared === 'yes', note: form.note.trim() };
  return { step, on: form.on, guardianName: form.guardianName.trim() };
}

/** The form's field a server refusal names; `step` (the record changed meanwhile) is about the form as a whole. */
export function guardianshipFieldOf(serverField: string | undefined): GuardianshipField | null {
  const fields: readonly string[] = ['on', 'institution', 'cleared', 'note', 'guardianName'];
  return serverField !== undefined && fields.includes(serverField) ? (serverField as GuardianshipField) : null;
}
