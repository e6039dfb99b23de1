import type { AssessmentDimension, AssessmentInput, AssessmentKind, AssessmentSource } from '../api/assessment-types';
import { dimensionNames, sourceNames } from './assessment-words';

/** The guardianship assessment form (R18) as typed on the phone; `version` comes from the child when sent. */
export interface AssessmentForm {
  kind: AssessmentKind | null;
  heldOn: string;
  presentUserIds: string[];
  scores: Partial<Record<AssessmentDimension, number>>;
  notes: Partial<Record<AssessmentDimension, string>>;
  heard: Partial<Record<AssessmentSource, boolean>>;
  learned: Partial<Record<AssessmentSource, string>>;
  conclusion: string;
  riskLevel: 'red' | 'yellow' | 'green' | null;
  recommendations: string;
}

export type AssessmentField = 'kind' | 'heldOn' | 'presentUserIds' | 'conclusion' | 'riskLevel' | 'recommendations' | `dimensions.${AssessmentDimension}` | `sources.${AssessmentSource}`;
export const ASSESSMENT_TEXT_MAX = 2000;
export const NOTE_MAX = 500;

export const dimensions = Object.keys(dimensionNames) as AssessmentDimension[];
export const sources = Object.keys(sourceNames) as AssessmentSource[];

export function emptyAssessmentForm(kind: AssessmentKind, heldOn: string, presentUserIds: string[]): AssessmentForm {
  return { kind, heldOn, presentUserIds, scores: {}, notes: {}, heard: {}, learned: {}, conclusion: '', riskLevel: null, recommendations: '' };
}

/** Each problem in words, as the server would refuse it (R18: every dimension scored, every source answered). */
export function validateAssessmentForm(form: AssessmentForm, teamSize: number): Partial<Record<AssessmentField, string>> {
  const errors: Partial<Record<AssessmentField, string>> = {};
  if (form.kind === null) errors.kind = '请选择评估类型';
  if (!form.heldOn) errors.heldOn = '请填写评估日期';
  if (form.presentUserIds.length === 0) errors.presentUserIds = '请选择参与评估的人员';
  else if (form.kind === 'first' && form.presentUserIds.length < teamSize) errors.presentUserIds = '首次评估须由执行团队三人共同参与（R2）';
  for (const d of dimensions) if (form.scores[d] === undefined) errors[`dimensions.${d}`] = `请为“${dimensionNames[d]}”打分`;
  for (const s of sources) {
    if (form.heard[s] === undefined) errors[`sources.${s}`] = `请选择是否听取了${sourceNames[s]}的意见`;
    else if (form.heard[s] && !(form.learned[s] ?? '').trim()) errors[`sources.${s}`] = `请写下从${sourceNames[s]}了解到的情况`;
  }
  if (!form.conclusion.trim()) errors.conclusion = '请写下评估结论';
  if (form.riskLevel === null) errors.riskLevel = '请选择风险等级';
  if (!form.recommendations.trim()) errors.recommendations = '请写下建议';
  return errors;
}

export function assessmentInputOf(form: AssessmentForm, version: number): AssessmentInput {
  return {
    version,
    kind: form.kind!,
    heldOn: form.heldOn,
    presentUserIds: form.presentUserIds,
    dimensions: Object.fromEntries(dimensions.map((d) => [d, { score: form.scores[d]!, notes: (form.notes[d] ?? '').trim() }])) as AssessmentInput['dimensions'],
    sources: Object.fromEntries(
      sources.map((s) => [s, { heard: form.heard[s]!, learned: form.heard[s] ? (form.learned[s] ?? '').trim() : '' }]),
    ) as AssessmentInput['sources'],
    conclusion: form.conclusion,
    riskLevel: form.riskLevel!,
    recommendations: form.recommendations,
  };
}

/** A kept draft read back: only a well-formed one is restored. */
export function parseAssessmentForm(form: Record<string, unknown>): AssessmentForm | null {
  const ok = typeof form.heldOn === 'string' && Array.isArray(form.presentUserIds) && typeof form.conclusion === 'string' && typeof form.recommendations === 'string';
  return ok ? (form as unknown as AssessmentForm) : null;
}
