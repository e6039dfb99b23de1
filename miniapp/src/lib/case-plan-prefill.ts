import type { AssessmentDimension, AssessmentView } from '../api/assessment-types';
import type { PlanForm } from './case-plan-form';
import { formatDate } from './format';
import { assessmentDimensionNames, assessmentKindNames, riskLabelOf } from './labels';

/**
 * Issue 12, R2 (000 §五.3): the plan is built from the team's assessment. Choosing an assessment for a new plan fills
 * what the form still lacks from it; what the user typed is never replaced.
 */
export type PlanAssessment = Pick<AssessmentView, 'id' | 'heldOn' | 'kind' | 'riskLevel' | 'recommendations' | 'dimensions'>;

/** The parts of the form a prefill wrote, said to the user so nobody takes them for their own words. */
export type PrefilledPart = 'goals' | 'services';

/** The server's limits (domain/case-plan.ts): 12 goals, 12 services, 200 characters each. */
const MAX_ITEMS = 12;
const MAX_ITEM_LENGTH = 200;

/** A dimension scored 较差 or 很差 is a weakness the plan should answer with a goal. */
const WEAK_SCORE = 2;

/** 2026年11月30日 首次评估 · 黄色风险: how a cadre recognises the assessment, newest first in the list. */
export function assessmentChoiceLabel(assessment: Pick<PlanAssessment, 'heldOn' | 'kind' | 'riskLevel'>): string {
  return `${formatDate(assessment.heldOn)} ${assessmentKindNames[assessment.kind]} · ${riskLabelOf(assessment.riskLevel)}`;
}

/**
 * The recommendations as separate items: one per line, or per sentence when written as one paragraph
 * (；。 end a recommendation), with a leading "1." / "（2）" / "一、" numbering taken off.
 */
export function recommendationItems(text: string): string[] {
  return text
    .split(/[\n；;。]+/)
    .map((item) => item.trim().replace(/^(?:[（(]?[0-9一二三四五六七八九十]+[)）.、．]\s*)/, '').trim())
    .filter((item) => item.length > 0)
    .slice(0, MAX_ITEMS)
    .map((item) => item.slice(0, MAX_ITEM_LENGTH));
}

/** 改善照料能力 for each dimension the assessment found weak, in R18's order; what success looks like is the team's to say. */
export function goalsFromWeakDimensions(dimensions: PlanAssessment['dimensions']): PlanForm['goals'] {
  // The label map holds R18's dimensions in 003 §55's order (the domain's list would bring zod into the bundle).
  return (Object.keys(assessmentDimensionNames) as AssessmentDimension[])
    .filter((d) => dimensions[d].score <= WEAK_SCORE)
    .map((d) => ({ goal: `改善${assessmentDimensionNames[d]}`, success: '' }));
}

const goalsEmpty = (form: PlanForm) => form.goals.every((g) => !g.goal.trim() && !g.success.trim());
const servicesEmpty = (form: PlanForm) => form.services.every((s) => !s.service.trim() && !s.provider.trim());

/**
 * The assessment chosen for the plan. For a new plan, goals and services still empty are filled from it (weak
 * dimensions → goals, recommendations → services), and the form remembers what was filled from which assessment.
 * A revised plan, or parts already typed, are left as they are.
 */
export function chooseAssessment(form: PlanForm, assessment: PlanAssessment, newPlan: boolean): PlanForm {
  const chosen: PlanForm = { ...form, assessmentId: assessment.id };
  if (!newPlan) return chosen;
  const goals = goalsEmpty(form) ? goalsFromWeakDimensions(assessment.dimensions) : [];
  const services = servicesEmpty(form) ? recommendationItems(assessment.recommendations).map((service) => ({ service, provider: '' })) : [];
  const parts: PrefilledPart[] = [];
  if (goals.length > 0) parts.push('goals');
  if (services.length > 0) parts.push('services');
  if (parts.length === 0) return chosen;
  return {
    ...chosen,
    goals: goals.length > 0 ? goals : form.goals,
    services: services.length > 0 ? services : form.services,
    prefill: { assessmentId: assessment.id, parts },
  };
}

/** The assessment a new plan starts from: the newest (the list comes newest first). */
export function defaultAssessment<A extends PlanAssessment>(newestFirst: readonly A[]): A | null {
  return newestFirst[0] ?? null;
}

const partNames: Record<PrefilledPart, string> = { goals: '帮扶目标（评估较弱的方面）', services: '服务（评估建议）' };

/** 已按2026年11月30日首次评估预填：…，请核对修改。 Null when nothing was prefilled or the assessment is unknown. */
export function prefillNoticeText(form: PlanForm, assessments: readonly PlanAssessment[]): string | null {
  if (!form.prefill) return null;
  const source = assessments.find((a) => a.id === form.prefill?.assessmentId);
  if (!source) return null;
  const parts = form.prefill.parts.map((p) => partNames[p]).join('、');
  return `已按${formatDate(source.heldOn)}${assessmentKindNames[source.kind]}预填${parts}，请核对修改。`;
}
