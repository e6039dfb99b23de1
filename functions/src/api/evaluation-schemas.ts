import { z } from '@hono/zod-openapi';
import { evaluationGradeSchema, evaluationYearSchema } from '../domain/worker-evaluation.js';
import { idSchema } from '../domain/region.js';

export const evaluationParamsSchema = z.object({ evaluationId: idSchema });
/** The year graded; this Beijing year when absent. */
export const yearQuerySchema = z.object({ year: z.coerce.number().pipe(evaluationYearSchema).optional() }).strict();

export const evaluationViewSchema = z
  .object({
    id: idSchema,
    year: z.number().int(),
    workerName: z.string(),
    workerRole: z.string(),
    grade: evaluationGradeSchema,
    finalGrade: evaluationGradeSchema,
    comments: z.string(),
    publishedAt: z.string(),
    publishedByName: z.string(),
    status: z.enum(['reviewOpen', 'reviewRequested', 'final']),
    reviewDaysLeft: z.number().int(),
    review: z
      .object({
        requestedAt: z.string(),
        reasons: z.string(),
        decision: z
          .object({ outcome: z.enum(['upheld', 'changed']), grade: evaluationGradeSchema, reasons: z.string(), decidedAt: z.string(), decidedByName: z.string() })
          .nullable(),
      })
      .nullable(),
    version: z.number().int(),
  })
  .openapi('WorkerEvaluationView');

export const workerRowsSchema = z
  .object({ items: z.array(z.object({ workerId: idSchema, name: z.string(), role: z.string(), evaluation: evaluationViewSchema.nullable() })) })
  .openapi('EvaluatedWorkers');

export const evaluationListSchema = z.object({ items: z.array(evaluationViewSchema) }).openapi('WorkerEvaluations');
