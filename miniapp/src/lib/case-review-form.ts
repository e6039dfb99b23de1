import type { GoalOutcome, PlanReviewInput } from '../api';
import { hasStringFields } from './form-draft';

/** R15: a periodic evaluation as typed: one outcome (still unchosen: '') and a note per goal of the plan. */
export interface ReviewForm {
  reviewedOn: string;
  goals: { outcome: GoalOutcome | ''; note: string }[];
  childChange: string;
  resourcesUsed: string;
  /** '' leaves it to the server: three months after the review. */
  nextReviewOn: string;
}

export type ReviewField = 'reviewedOn' | 'goals' | 'childChange' | 'resourcesUsed' | 'nextReviewOn';

export const REVIEW_TEXT_MAX = 1000;

export function emptyReviewForm(goalCount: number, today: string): ReviewForm {
  return { reviewedOn: today, goals: Array.from({ length: goalCount }, () => ({ outcome: '', note: '' })), childChange: '', resourcesUsed: '', nextReviewOn: '' };
}

/** A kept draft is only taken back when it still has one row per goal of the plan it was typed against. */
export function parseReviewForm(goalCount: number) {
  return (form: Record<string, unknown>): ReviewForm | null => {
    if (!hasStringFields(form, ['reviewedOn', 'childChange', 'resourcesUsed', 'nextReviewOn'])) return null;
    if (!Array.isArray(form.goals) || form.goals.length !== goalCount) return null;
    return form as unknown as ReviewForm;
  };
}

/** What the form still lacks, as the server would refuse it (domain/case-lifecycle.ts checkReview). */
export function reviewFormErrors(form: ReviewForm, today: string): Partial<Record<ReviewField, string>> {
  const errors: Partial<Record<ReviewField, string>> = {};
  if (!form.reviewedOn) errors.reviewedOn = '请选择评估日期';
  else if (form.reviewedOn > today) errors.reviewedOn = '评估日期不能晚于今天';
  if (form.goals.some((goal) => goal.outcome === '')) errors.goals = '请为每个目标选择达成情况';
  if (!form.childChange.trim()) errors.childChange = '请写下孩子的变化';
  if (!form.resourcesUsed.trim()) errors.resourcesUsed = '请写下使用了哪些资源';
  if (form.nextReviewOn && form.nextReviewOn <= form.reviewedOn) errors.nextReviewOn = '下次评估日期须晚于本次评估日期';
  return errors;
}

/** The body of POST /children/{id}/plan/reviews (call after reviewFormErrors found nothing). */
export function reviewBodyOf(form: ReviewForm): PlanReviewInput {
  return {
    reviewedOn: form.reviewedOn,
    goals: form.goals.map((goal) => ({ outcome: goal.outcome as GoalOutcome, note: goal.note.trim() })),
    childChange: form.childChange.trim(),
    resourcesUsed: form.resourcesUsed.trim(),
    nextReviewOn: form.nextReviewOn || null,
  };
}

/** The server's field (goals.1.outcome, …) as the form's. */
export function reviewFieldOf(serverField: string | undefined): ReviewField | null {
  const head = serverField?.split('.')[0];
  return head && ['reviewedOn', 'goals', 'childChange', 'resourcesUsed', 'nextReviewOn'].includes(head) ? (head as ReviewField) : null;
}
