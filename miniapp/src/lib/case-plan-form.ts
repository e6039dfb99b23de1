import { hasStringFields } from './form-draft';

/** Issue 12, R2: the plan form as typed (kept as a draft on the phone until saved). */
export interface PlanForm {
  /** R2: the assessment the plan is built from; '' when none is chosen (the child has none yet). */
  assessmentId: string;
  /** What a chosen assessment filled in (case-plan-prefill.ts), so the page can say where it came from. */
  prefill: { assessmentId: string; parts: ('goals' | 'services')[] } | null;
  goals: { goal: string; success: string }[];
  services: { service: string; provider: string }[];
  tasks: { task: string; assigneeId: string; dueOn: string }[];
  told: string;
  familyAgrees: string;
  internalNotes: string;
}

export const emptyPlanForm = (): PlanForm => ({
  assessmentId: '',
  prefill: null,
  goals: [{ goal: '', success: '' }],
  services: [],
  tasks: [],
  told: '',
  familyAgrees: '',
  internalNotes: '',
});

export function parsePlanForm(form: Record<string, unknown>): PlanForm | null {
  if (!hasStringFields(form, ['told', 'familyAgrees', 'internalNotes'])) return null;
  if (!Array.isArray(form.goals) || !Array.isArray(form.services) || !Array.isArray(form.tasks)) return null;
  // A draft kept before the plan named its assessment has neither field: it is still the user's typing, kept.
  const assessmentId = typeof form.assessmentId === 'string' ? form.assessmentId : '';
  const prefill = isPrefill(form.prefill) ? form.prefill : null;
  return { ...(form as unknown as PlanForm), assessmentId, prefill };
}

function isPrefill(value: unknown): value is PlanForm['prefill'] {
  if (typeof value !== 'object' || value === null) return false;
  const { assessmentId, parts } = value as Record<string, unknown>;
  return typeof assessmentId === 'string' && Array.isArray(parts) && parts.every((p) => p === 'goals' || p === 'services');
}

export type PlanField = 'goals' | 'tasks' | 'told';

/** What the form still lacks, as the server would refuse it. */
export function planFormErrors(form: PlanForm): Partial<Record<PlanField, string>> {
  const errors: Partial<Record<PlanField, string>> = {};
  if (form.goals.length === 0 || form.goals.some((g) => !g.goal.trim() || !g.success.trim())) errors.goals = '每个目标都要写明目标和达成的样子';
  if (form.tasks.some((t) => !t.task.trim() || !t.assigneeId || !t.dueOn)) errors.tasks = '每项分工都要写明事项、负责人和完成日期';
  if (!form.told.trim()) errors.told = '请写明告知家庭的内容';
  return errors;
}

/** The body of PUT /children/{id}/plan. */
export function planBodyOf(form: PlanForm, version: number) {
  return {
    assessmentId: form.assessmentId || null,
    goals: form.goals.map((g) => ({ goal: g.goal.trim(), success: g.success.trim() })),
    services: form.services.filter((s) => s.service.trim()).map((s) => ({ service: s.service.trim(), provider: s.provider.trim() })),
    tasks: form.tasks.map((t) => ({ task: t.task.trim(), assigneeId: t.assigneeId, dueOn: t.dueOn })),
    family: { told: form.told.trim(), familyAgrees: form.familyAgrees.trim() },
    internalNotes: form.internalNotes.trim(),
    nextReviewOn: null,
    version,
  };
}
