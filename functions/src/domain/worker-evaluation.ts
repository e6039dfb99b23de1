import { z } from 'zod';
import { addDays, daysBetween } from './calendar.js';
import { idSchema } from './region.js';
import { multiLineText } from './text.js';
import { shanghaiDate } from './time.js';

/**
 * R23 (003 §89): a worker's yearly evaluation is graded 优秀 / 合格 / 需改进 and published; within 7 days of publication
 * the worker may ask for a review, after which the result is final. Who grades whom is the access policy's
 * (access/inspection-access.ts): the district bureau grades the workers of its district.
 */
export const evaluationGrades = ['excellent', 'qualified', 'improve'] as const;
export const evaluationGradeSchema = z.enum(evaluationGrades);
export type EvaluationGrade = z.infer<typeof evaluationGradeSchema>;

export { evaluationGradeNames } from './labels.js';

/** The workers a district grades: the posts of the execution teams (R1). */
export const gradedRoles = ['supervisor', 'director', 'socialWorker'] as const;
export type GradedRole = (typeof gradedRoles)[number];

/** R23: "考核结果公布后七天内" — through the 7th Beijing day after the day of publication. */
export const REVIEW_WINDOW_DAYS = 7;

export const evaluationYearSchema = z.number().int().min(2020).max(2100);

export const publishEvaluationInputSchema = z
  .object({
    workerId: idSchema,
    year: evaluationYearSchema,
    grade: evaluationGradeSchema,
    comments: multiLineText(1000, { min: 2 }),
  })
  .strict();
export type PublishEvaluationInput = z.infer<typeof publishEvaluationInputSchema>;

export const requestReviewInputSchema = z
  .object({ reasons: multiLineText(1000, { min: 2 }), version: z.number().int().positive() })
  .strict();
export type RequestReviewInput = z.infer<typeof requestReviewInputSchema>;

export const reviewOutcomes = ['upheld', 'changed'] as const;

export const decideReviewInputSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('upheld'), reasons: multiLineText(1000, { min: 2 }), version: z.number().int().positive() }).strict(),
  z
    .object({ outcome: z.literal('changed'), grade: evaluationGradeSchema, reasons: multiLineText(1000, { min: 2 }), version: z.number().int().positive() })
    .strict(),
]);
export type DecideReviewInput = z.infer<typeof decideReviewInputSchema>;

const person = z.object({ id: idSchema, name: z.string() }).strict();
const instant = z.iso.datetime({ offset: true });

export const evaluationReviewSchema = z
  .object({
    requestedAt: instant,
    reasons: z.string(),
    decision: z
      .object({ outcome: z.enum(reviewOutcomes), grade: evaluationGradeSchema, reasons: z.string(), decidedAt: instant, decidedBy: person })
      .strict()
      .nullable(),
  })
  .strict();

export const workerEvaluationSchema = z
  .object({
    id: idSchema,
    year: evaluationYearSchema,
    districtId: idSchema,
    worker: z.object({ id: idSchema, name: z.string(), role: z.enum(gradedRoles) }).strict(),
    grade: evaluationGradeSchema,
    comments: z.string(),
    publishedAt: instant,
    publishedBy: person,
    review: evaluationReviewSchema.nullable(),
    version: z.number().int().positive(),
  })
  .strict();
export type WorkerEvaluation = z.infer<typeof workerEvaluationSchema>;

/** One evaluation per worker and year: the id says which, so publishing twice cannot make two. */
export function evaluationIdOf(year: number, workerId: string): string {
  return `${year}-${workerId}`;
}

/** The last Beijing day a review may be asked for. */
export function reviewLastDay(publishedAt: string): string {
  return addDays(shanghaiDate(new Date(publishedAt)), REVIEW_WINDOW_DAYS);
}

/** R23: days still open for a review counting today (published today: 8; on the 7th day after: 1; after it: 0). */
export function reviewDaysLeft(publishedAt: string, now: Date): number {
  return Math.max(0, daysBetween(shanghaiDate(now), reviewLastDay(publishedAt)) + 1);
}

export type EvaluationStatus = 'reviewOpen' | 'reviewRequested' | 'final';

export function evaluationStatus(evaluation: Pick<WorkerEvaluation, 'publishedAt' | 'review'>, now: Date): EvaluationStatus {
  if (evaluation.review !== null) return evaluation.review.decision === null ? 'reviewRequested' : 'final';
  return reviewDaysLeft(evaluation.publishedAt, now) > 0 ? 'reviewOpen' : 'final';
}

/** Why a review cannot be asked for now, or null when it can (R23). */
export function reviewRefusal(evaluation: Pick<WorkerEvaluation, 'publishedAt' | 'review'>, now: Date): string | null {
  if (evaluation.review !== null) return '已申请过复核';
  if (reviewDaysLeft(evaluation.publishedAt, now) === 0) return `复核须在考核结果公布后${REVIEW_WINDOW_DAYS}天内申请，已过期限，考核结果为最终结果`;
  return null;
}

/** The grade that stands: the review's when it changed it, else the published one. */
export function finalGradeOf(evaluation: Pick<WorkerEvaluation, 'grade' | 'review'>): EvaluationGrade {
  return evaluation.review?.decision?.grade ?? evaluation.grade;
}
