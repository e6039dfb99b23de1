import { z } from '@hono/zod-openapi';
import { caseFileYearSchema } from '../domain/case-file-submission.js';
import { idSchema } from '../domain/region.js';
import { MAX_PAGE_LIMIT } from './schemas.js';

export const accessTrailQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(MAX_PAGE_LIMIT).default(20),
    cursor: z.string().max(2000).optional(),
  })
  .strict();

export const accessTrailSchema = z
  .object({
    items: z.array(
      z.object({
        at: z.string(),
        name: z.string(),
        roleName: z.string(),
        what: z.string(),
        refused: z.boolean(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .openapi('AccessTrail');

export const submissionParamsSchema = z.object({ year: caseFileYearSchema, childId: idSchema });
export const progressParamsSchema = z.object({ districtId: idSchema, year: caseFileYearSchema });

export const caseFileSubmissionViewSchema = z
  .object({
    childId: idSchema,
    year: z.number().int(),
    submittedByName: z.string(),
    submittedAt: z.string(),
    pdfSha256: z.string(),
    late: z.boolean(),
    deadline: z.string(),
  })
  .openapi('CaseFileSubmission');

const countShape = { submitted: z.number().int(), late: z.number().int(), total: z.number().int() };

export const submissionProgressSchema = z
  .object({
    district: z.object({ id: idSchema, name: z.string() }),
    year: z.number().int(),
    deadline: z.string(),
    overdue: z.boolean(),
    ...countShape,
    towns: z.array(z.object({ townId: idSchema, townName: z.string(), ...countShape })),
  })
  .openapi('CaseFileSubmissionProgress');
