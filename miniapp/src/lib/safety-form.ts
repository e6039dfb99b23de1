import type { PlanSessionInput } from '../api/safety-types';
import { safetyTopics, type SafetyTopic } from '../../../functions/src/domain/safety-topics';
import { hasStringFields } from './form-draft';

/**
 * R12's plan form as typed (kept on the phone until sent): the audience as `kind:id`, the topics chosen, the date
 * (Beijing, YYYY-MM-DD) and the place.
 */
export interface SafetyPlanForm {
  audience: string;
  topics: SafetyTopic[];
  date: string;
  place: string;
}

export const SAFETY_PLACE_MAX = 100;

export function emptySafetyPlanForm(today: string): SafetyPlanForm {
  return { audience: '', topics: [], date: today, place: '' };
}

export function parseSafetyPlanForm(form: Record<string, unknown>): SafetyPlanForm | null {
  if (!hasStringFields(form, ['audience', 'date', 'place']) || !Array.isArray(form.topics)) return null;
  const topics = form.topics.filter((topic): topic is SafetyTopic => (safetyTopics as readonly unknown[]).includes(topic));
  return { audience: form.audience as string, topics, date: form.date as string, place: form.place as string };
}

export type SafetyPlanErrors = Partial<Record<'audience' | 'topics' | 'date' | 'place', string>>;

/** What the form still lacks, in the words shown under each field; empty when it may be sent. */
export function safetyPlanErrors(form: SafetyPlanForm): SafetyPlanErrors {
  const errors: SafetyPlanErrors = {};
  if (!/^(village|town|school):.+$/.test(form.audience)) errors.audience = '请选择面向的村（居）、镇（街道）或学校';
  if (form.topics.length === 0) errors.topics = '请至少选择一个主题';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date)) errors.date = '请选择日期';
  if (form.place.trim() === '') errors.place = '请填写地点';
  return errors;
}

export function planInputOf(form: SafetyPlanForm): PlanSessionInput {
  const [kind, ...rest] = form.audience.split(':');
  return { audience: { kind: kind as PlanSessionInput['audience']['kind'], id: rest.join(':') }, topics: form.topics, date: form.date, place: form.place.trim() };
}

/** The server's limit on each photo; the phone compresses below it (platform/photo-picker). */
export const SAFETY_PHOTO_MAX_BYTES = 300 * 1024;
export const SAFETY_PHOTOS_MAX = 2;
