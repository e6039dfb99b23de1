import { describe, expect, it } from 'vitest';
import { emptyPlanForm, parsePlanForm, planBodyOf, type PlanForm } from '../../miniapp/src/lib/case-plan-form.js';
import {
  assessmentChoiceLabel,
  chooseAssessment,
  defaultAssessment,
  prefillNoticeText,
  recommendationItems,
  type PlanAssessment,
} from '../../miniapp/src/lib/case-plan-prefill.js';
import { savePlanInputSchema } from '../../functions/src/domain/case-plan.js';

/** Issue 12, R2: the one-child-one-plan is built from the assessment; the form names it and starts from it. */
const dimension = (score: number) => ({ score, notes: '' });
function assessment(overrides: Partial<PlanAssessment> = {}): PlanAssessment {
  return {
    id: 'a-1',
    heldOn: '2026-11-30',
    kind: 'first',
    riskLevel: 'yellow',
    recommendations: '1. 每月入户走访一次；2. 联系学校落实课后辅导。\n（3）为家庭申请临时救助',
    dimensions: { economic: dimension(2), care: dimension(1), skills: dimension(3), responsibility: dimension(4), relationship: dimension(5), development: dimension(3) },
    ...overrides,
  };
}

describe('R2: the plan built from an assessment', () => {
  it('names an assessment by its date, kind and risk level in words', () => {
    expect(assessmentChoiceLabel(assessment())).toBe('2026年11月30日 首次评估 · 黄色风险');
    expect(assessmentChoiceLabel(assessment({ heldOn: '2027-02-10', kind: 'reassessment', riskLevel: 'red' }))).toBe('2027年2月10日 复评 · 红色风险');
  });

  it('splits the recommendations into items, numbering taken off, empty ones dropped', () => {
    expect(recommendationItems(assessment().recommendations)).toEqual(['每月入户走访一次', '联系学校落实课后辅导', '为家庭申请临时救助']);
    expect(recommendationItems('  \n；')).toEqual([]);
    expect(recommendationItems(Array.from({ length: 20 }, (_, i) => `建议${i}`).join('\n'))).toHaveLength(12);
  });

  it('a new plan, still empty: weak dimensions become goals, recommendations services, and the form says so', () => {
    const form = chooseAssessment(emptyPlanForm(), assessment(), true);
    expect(form.assessmentId).toBe('a-1');
    expect(form.goals).toEqual([{ goal: '改善经济能力', success: '' }, { goal: '改善照料能力', success: '' }]);
    expect(form.services).toEqual([
      { service: '每月入户走访一次', provider: '' },
      { service: '联系学校落实课后辅导', provider: '' },
      { service: '为家庭申请临时救助', provider: '' },
    ]);
    expect(prefillNoticeText(form, [assessment()])).toBe('已按2026年11月30日首次评估预填帮扶目标（评估较弱的方面）、服务（评估建议），请核对修改。');
  });

  it('never replaces what the user typed: a typed goal stays, only the empty services are filled', () => {
    const typed: PlanForm = { ...emptyPlanForm(), goals: [{ goal: '按时上学', success: '' }] };
    const form = chooseAssessment(typed, assessment(), true);
    expect(form.goals).toEqual([{ goal: '按时上学', success: '' }]);
    expect(form.services.map((s) => s.service)).toEqual(['每月入户走访一次', '联系学校落实课后辅导', '为家庭申请临时救助']);
    expect(form.prefill).toEqual({ assessmentId: 'a-1', parts: ['services'] });
  });

  it('a provider typed alone still counts as typing: the services are left as they are', () => {
    const typed: PlanForm = { ...emptyPlanForm(), services: [{ service: '', provider: '村儿童之家' }] };
    expect(chooseAssessment(typed, assessment(), true).services).toEqual([{ service: '', provider: '村儿童之家' }]);
  });

  it('a revised plan only records the choice: nothing is prefilled', () => {
    const form = chooseAssessment(emptyPlanForm(), assessment(), false);
    expect(form).toEqual({ ...emptyPlanForm(), assessmentId: 'a-1' });
    expect(prefillNoticeText(form, [assessment()])).toBeNull();
  });

  it('an assessment with no weak dimension and no usable recommendation fills nothing and says nothing', () => {
    const sound = assessment({ recommendations: '。', dimensions: { economic: dimension(4), care: dimension(4), skills: dimension(4), responsibility: dimension(4), relationship: dimension(4), development: dimension(4) } });
    const form = chooseAssessment(emptyPlanForm(), sound, true);
    expect(form.goals).toEqual(emptyPlanForm().goals);
    expect(form.prefill).toBeNull();
  });

  it('the newest assessment is the default; none without assessments', () => {
    expect(defaultAssessment([assessment({ id: 'newest' }), assessment({ id: 'older' })])?.id).toBe('newest');
    expect(defaultAssessment([])).toBeNull();
  });

  it('the chosen assessment goes to the server in a body its schema accepts; no choice is null', () => {
    const form = { ...chooseAssessment(emptyPlanForm(), assessment(), true), told: '社工每月上门' };
    const filled = { ...form, goals: form.goals.map((g) => ({ ...g, success: '半年内改善' })) };
    const body = planBodyOf(filled, 0);
    expect(body.assessmentId).toBe('a-1');
    expect(savePlanInputSchema.safeParse(body).success).toBe(true);
    expect(planBodyOf({ ...filled, assessmentId: '' }, 0).assessmentId).toBeNull();
  });

  it('a draft kept before the plan named its assessment comes back whole, with no choice yet', () => {
    const { assessmentId: _a, prefill: _p, ...old } = { ...emptyPlanForm(), told: '已告知' };
    expect(parsePlanForm(old)).toEqual({ ...emptyPlanForm(), told: '已告知' });
    expect(parsePlanForm({ ...old, assessmentId: 'a-1', prefill: { assessmentId: 'a-1', parts: ['goals'] } })?.prefill).toEqual({ assessmentId: 'a-1', parts: ['goals'] });
    expect(parsePlanForm({ ...old, prefill: { assessmentId: 'a-1', parts: ['tasks'] } })?.prefill).toBeNull();
  });
});
