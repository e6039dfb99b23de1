import type { ActivityPlanInput, ActivitySummary, ActivityView } from '../api';
import { hasStringFields } from './form-draft';

/** R5's activities in the words people read: status, places, when. */
export const activityStatusNames: Record<ActivitySummary['status'], string> = { planned: '报名中', held: '已举办', cancelled: '已取消' };

/** 满员 when no place is left; else how many of how many. */
export function placesText(activity: Pick<ActivitySummary, 'capacity' | 'placesLeft' | 'status'>): string {
  if (activity.status !== 'planned') return activityStatusNames[activity.status];
  return activity.placesLeft === 0 ? '满员' : `剩余 ${activity.placesLeft} / ${activity.capacity} 个名额`;
}

/** "6月20日 09:30" (a date of another year with its year). */
export function whenText(activity: Pick<ActivitySummary, 'date' | 'time'>, today: string): string {
  const [year, month, day] = activity.date.split('-').map(Number);
  const sameYear = today.slice(0, 4) === activity.date.slice(0, 4);
  return `${sameYear ? '' : `${year}年`}${month}月${day}日 ${activity.time}`;
}

/** R5: the yearly count in a sentence for an organization's row. */
export function r5Text(standing: { held: number; minimum: number; planned: number }): string {
  const planned = standing.planned > 0 ? `，另有 ${standing.planned} 次待举办` : '';
  return `今年已举办 ${standing.held} 次（至少 ${standing.minimum} 次）${planned}`;
}

/** The plan form as typed; capacity is text until sent, so a half-typed number is kept as typed. */
export interface ActivityForm {
  title: string;
  date: string;
  time: string;
  place: string;
  capacity: string;
  areaId: string;
  /** Child categories it is for (留守儿童, 困境儿童, …); none: every child of the area. */
  categories: string[];
  description: string;
}

export const emptyActivityForm = (date: string): ActivityForm => ({ title: '', date, time: '09:00', place: '', capacity: '20', areaId: '', categories: [], description: '' });

export type ActivityFormErrors = Partial<Record<keyof ActivityForm, string>>;

/** What the server would refuse, said before sending (the server checks again). */
export function activityFormErrors(form: ActivityForm, today: string): ActivityFormErrors {
  const errors: ActivityFormErrors = {};
  if (form.title.trim() === '') errors.title = '请填写活动名称';
  if (form.place.trim() === '') errors.place = '请填写活动地点';
  if (form.areaId === '') errors.areaId = '请选择活动对象所在的镇（街道）或村（居）';
  if (form.date < today) errors.date = '活动日期不能早于今天';
  const capacity = Number(form.capacity);
  if (!Number.isInteger(capacity) || capacity < 1 || capacity > 90) errors.capacity = '名额应为 1–90 的整数';
  return errors;
}

export function planInputOf(form: ActivityForm) {
  return {
    title: form.title.trim(),
    date: form.date,
    time: form.time,
    place: form.place.trim(),
    capacity: Number(form.capacity),
    areaId: form.areaId,
    categories: form.categories as ActivityPlanInput['categories'],
    description: form.description.trim(),
  };
}

export function parseActivityForm(form: Record<string, unknown>): ActivityForm | null {
  const fields = ['title', 'date', 'time', 'place', 'capacity', 'areaId', 'description'] as const;
  if (!hasStringFields(form, fields)) return null;
  const categories = Array.isArray(form.categories) && form.categories.every((value) => typeof value === 'string') ? (form.categories as string[]) : null;
  if (categories === null) return null;
  return { ...(Object.fromEntries(fields.map((field) => [field, form[field] as string])) as Omit<ActivityForm, 'categories'>), categories };
}

/** Who is signed up, as the organizer's list says it. */
export function signUpKindText(kind: ActivityView['signUps'][number]['kind']): string {
  return kind === 'volunteer' ? '志愿者' : '儿童';
}
