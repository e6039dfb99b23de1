import { hasStringFields, type FormParser } from './form-draft';

/** Issue 11 part 2: the volunteer's application as typed. */
export interface VolunteerForm {
  name: string;
  phone: string;
  organizationId: string;
}

export type VolunteerFormErrors = Partial<Record<keyof VolunteerForm, string>>;

export const volunteerNameLimit = 50;

export const emptyVolunteerForm = (): VolunteerForm => ({ name: '', phone: '', organizationId: '' });

export const parseVolunteerForm: FormParser<VolunteerForm> = (form) =>
  hasStringFields(form, ['name', 'phone', 'organizationId'])
    ? { name: form.name as string, phone: form.phone as string, organizationId: form.organizationId as string }
    : null;

/** What the server would refuse, said beside each field before anything is sent. */
export function volunteerFormErrors(form: VolunteerForm): VolunteerFormErrors {
  const errors: VolunteerFormErrors = {};
  if (form.name.trim() === '') errors.name = '请填写姓名';
  if (!/^1\d{10}$/.test(form.phone.trim())) errors.phone = '请填写11位手机号';
  if (form.organizationId === '') errors.organizationId = '请选择要加入的社会组织';
  return errors;
}

/** A field the server named in its refusal, as the form knows it. */
export function isVolunteerField(field: string | undefined): field is keyof VolunteerForm {
  return field === 'name' || field === 'phone' || field === 'organizationId';
}
