import { z } from '@hono/zod-openapi';
import { childDetailSchema } from '../domain/child-views.js';
import { assessmentSchema, type Assessment } from '../domain/guardianship-assessment.js';

/** One assessment as the API answers it: the record and the names of those present and of the recorder. */
export const assessmentViewSchema = assessmentSchema.extend({
  presentNames: z.array(z.string()),
  recordedByName: z.string(),
});
export type AssessmentView = z.infer<typeof assessmentViewSchema>;

export const childAssessmentsSchema = z
  .object({
    items: z.array(assessmentViewSchema),
    /** R2 / R21: the next assessment due (YYYY-MM-DD, Beijing). */
    nextDue: z.iso.date(),
  })
  .strict();

/** What recording an assessment answers: the assessment and the child as it now stands (new level, version). */
export const assessmentRecordedSchema = z.object({ assessment: assessmentViewSchema, child: childDetailSchema }).strict();

export function assessmentViewOf(assessment: Assessment, names: ReadonlyMap<string, string>): AssessmentView {
  return {
    ...assessment,
    presentNames: assessment.presentUserIds.map((id) => names.get(id) ?? ''),
    recordedByName: names.get(assessment.recordedBy) ?? '',
  };
}
