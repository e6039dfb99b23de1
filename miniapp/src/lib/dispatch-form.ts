import type { QuarterlyDispatchView } from '../api';
import { hasStringFields } from './form-draft';

export type DispatchSections = QuarterlyDispatchView['sections'];

/** The supervisor's three sections as typed, with the version of the dispatch they were typed on (R24). */
export interface DispatchForm extends DispatchSections {
  /** Saved with the sections: when someone saved in between, the server answers 409 instead of overwriting. */
  baseVersion: number;
}

export const DISPATCH_SECTION_MAX = 2000;

export const dispatchSectionFields = [
  { key: 'typicalCases', title: '典型案例', placeholder: '本季度的典型做法和案例（不写儿童姓名）' },
  { key: 'problems', title: '存在问题', placeholder: '工作中发现的问题和困难' },
  { key: 'nextSteps', title: '下一步计划', placeholder: '下季度的工作安排' },
] as const;

export function dispatchFormOf(view: Pick<QuarterlyDispatchView, 'sections' | 'version'>): DispatchForm {
  return { ...view.sections, baseVersion: view.version };
}

/** A stored draft's form as this version of the app knows it, or null when it is not whole. */
export function parseDispatchForm(form: Record<string, unknown>): DispatchForm | null {
  if (!hasStringFields(form, dispatchSectionFields.map((field) => field.key))) return null;
  if (typeof form.baseVersion !== 'number' || !Number.isInteger(form.baseVersion) || form.baseVersion < 0) return null;
  return { typicalCases: form.typicalCases as string, problems: form.problems as string, nextSteps: form.nextSteps as string, baseVersion: form.baseVersion };
}
