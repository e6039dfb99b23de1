import type { HandbookInput } from '../api';
import { hasStringFields } from './form-draft';

/** R2: the care handbook handed over at the first visit, as typed. */
export interface HandbookForm {
  handedOverOn: string;
  handedOverById: string;
  guardianName: string;
}

export type HandbookField = keyof HandbookForm;

/** The reader as the one who handed it over when they are of the child's team. */
export function emptyHandbookForm(today: string, readerId: string, teamIds: readonly string[], guardianName: string): HandbookForm {
  return { handedOverOn: today, handedOverById: teamIds.includes(readerId) ? readerId : '', guardianName };
}

export function parseHandbookForm(form: Record<string, unknown>): HandbookForm | null {
  return hasStringFields(form, ['handedOverOn', 'handedOverById', 'guardianName']) ? (form as unknown as HandbookForm) : null;
}

export function handbookFormErrors(form: HandbookForm, today: string): Partial<Record<HandbookField, string>> {
  const errors: Partial<Record<HandbookField, string>> = {};
  if (!form.handedOverOn) errors.handedOverOn = '请选择发放日期';
  else if (form.handedOverOn > today) errors.handedOverOn = '发放日期不能晚于今天';
  if (!form.handedOverById) errors.handedOverById = '请选择发放人';
  if (!form.guardianName.trim()) errors.guardianName = '请写下接收的监护人';
  return errors;
}

export function handbookBodyOf(form: HandbookForm): HandbookInput {
  return { handedOverOn: form.handedOverOn, handedOverById: form.handedOverById, guardianName: form.guardianName.trim() };
}

export function handbookFieldOf(serverField: string | undefined): HandbookField | null {
  return serverField && ['handedOverOn', 'handedOverById', 'guardianName'].includes(serverField) ? (serverField as HandbookField) : null;
}
