import type { ConcernKind, PublicConcernRequest, StaffConcernRequest } from '../api/concern-types';
import { hasStringFields } from './form-draft';
import { villageIdOf, type PlacePath } from './place-path';

/**
 * The concern report form (issue 8, part 1; R17). Public: no account, the child described, the place picked, name
 * and phone optional (both empty is anonymous). Signed in: one of the children the user may read (its village is
 * where it goes) or a child described at a picked place; the account is the contact.
 */
export type ReportMode = 'public' | 'signedIn';

/** A child of the user's lists, as the form shows it once picked. */
export interface PickedChild {
  id: string;
  name: string;
  villageName: string;
}

export interface ConcernReportForm {
  /** Signed in only: one of "my" children or one the system does not know; public is always 'unknown'. */
  childChoice: 'known' | 'unknown' | null;
  child: PickedChild | null;
  childDescription: string;
  place: PlacePath;
  kinds: ConcernKind[];
  /** "In danger now": asked, never assumed; null until answered. */
  urgent: boolean | null;
  description: string;
  reporterName: string;
  reporterPhone: string;
}

export type ReportField = 'child' | 'place' | 'kinds' | 'urgent' | 'description' | 'reporterPhone';
export type ReportFormErrors = Partial<Record<ReportField, string>>;

/** The server's limits (domain/concern.ts: DESCRIPTION_MAX, the unknown child's 200, the name's 50, the phone's 20). */
export const reportTextLimits = { description: 2000, childDescription: 200, reporterName: 50, reporterPhone: 20 } as const;

/** domain/concern.ts's contactPhoneSchema: a mobile, a landline with its area code, or an extension. */
const PHONE = /^\+?\d[\d-]{4,19}$/;

/**
 * An empty form; `child` preset from a child's page. Who may not pick from a list (the public, a volunteer, who reads
 * no child records) describes the child.
 */
export function initialReportForm(mode: ReportMode, child: PickedChild | null = null, mayPickKnown = mode === 'signedIn'): ConcernReportForm {
  const picks = mode === 'signedIn' && mayPickKnown;
  return {
    childChoice: !picks ? 'unknown' : child ? 'known' : null,
    child: picks ? child : null,
    childDescription: '',
    place: [],
    kinds: [],
    urgent: null,
    description: '',
    reporterName: '',
    reporterPhone: '',
  };
}

function blank(text: string): boolean {
  return text.trim() === '';
}

/** The form checked as the server would, each problem said in words next to its field. */
export function validateReportForm(form: ConcernReportForm, mode: ReportMode): ReportFormErrors {
  const errors: ReportFormErrors = {};
  const known = mode === 'signedIn' && form.childChoice === 'known';
  if (mode === 'signedIn' && form.childChoice === null) errors.child = '请选择是哪个孩子';
  else if (known && form.child === null) errors.child = '请在名单中选择孩子';
  else if (!known && blank(form.childDescription)) errors.child = '请简单描述孩子，如年龄、性别、穿着，知道的话写上姓名';
  if (!known && villageIdOf(form.place) === null) errors.place = '请选择孩子所在的村（社区）';
  if (form.kinds.length === 0) errors.kinds = '请至少选择一种情况';
  if (form.urgent === null) errors.urgent = '请选择孩子现在是否有危险';
  if (blank(form.description)) errors.description = '请写下看到或听到的情况';
  if (mode === 'public' && !blank(form.reporterPhone) && !PHONE.test(form.reporterPhone.trim())) {
    errors.reporterPhone = '请填写正确的电话号码，或者不填';
  }
  return errors;
}

function orNull(text: string): string | null {
  return blank(text) ? null : text.trim();
}

/** Only for a form that passed validateReportForm in public mode. */
export function toPublicConcernInput(form: ConcernReportForm): PublicConcernRequest {
  return {
    childDescription: form.childDescription,
    villageId: villageIdOf(form.place)!,
    kinds: form.kinds,
    urgent: form.urgent === true,
    description: form.description,
    reporterName: orNull(form.reporterName),
    reporterPhone: orNull(form.reporterPhone),
  };
}

/** Only for a form that passed validateReportForm in signed-in mode. */
export function toStaffConcernInput(form: ConcernReportForm): StaffConcernRequest {
  const known = form.childChoice === 'known' && form.child !== null;
  return {
    child: known ? { kind: 'known', childId: form.child!.id } : { kind: 'unknown', description: form.childDescription },
    villageId: known ? null : villageIdOf(form.place),
    kinds: form.kinds,
    urgent: form.urgent === true,
    description: form.description,
  };
}

const stringFields = ['childDescription', 'description', 'reporterName', 'reporterPhone'] as const;

/** A stored draft's form, or null when it is not whole (an older version of the app, a hand edit). */
export function parseReportForm(form: Record<string, unknown>): ConcernReportForm | null {
  if (!hasStringFields(form, stringFields)) return null;
  if (!Array.isArray(form.kinds) || !Array.isArray(form.place)) return null;
  if (form.urgent !== null && typeof form.urgent !== 'boolean') return null;
  if (form.childChoice !== null && form.childChoice !== 'known' && form.childChoice !== 'unknown') return null;
  const child = form.child as PickedChild | null;
  if (child !== null && (typeof child !== 'object' || typeof child.id !== 'string')) return null;
  return form as unknown as ConcernReportForm;
}

/** The form field a server problem is about (its `field`, e.g. `child.description`), or null for the form as a whole. */
export function reportFieldOf(serverField: string | undefined): ReportField | null {
  if (!serverField) return null;
  const head = serverField.split('.')[0];
  if (head === 'child' || head === 'childDescription') return 'child';
  if (head === 'villageId' || head === 'location') return 'place';
  if (head === 'kinds' || head === 'urgent' || head === 'description' || head === 'reporterPhone') return head;
  if (head === 'reporterName') return 'reporterPhone';
  return null;
}
