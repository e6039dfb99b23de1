/**
 * Issue 12's guardianship assessments (R18) as the API takes and answers them, from its zod schemas (`import type`
 * only: nothing of zod reaches the bundle).
 */
import type { z } from 'zod';
import type { assessmentRecordedSchema, AssessmentView, childAssessmentsSchema } from '../../../functions/src/api/assessment-schemas';
import type { AssessmentDimension, AssessmentInput, AssessmentSource, RiskOverrideInput } from '../../../functions/src/domain/guardianship-assessment';
import type { AssessmentKind, RiskBasis } from '../../../functions/src/domain/risk-basis';

export type { AssessmentDimension, AssessmentInput, AssessmentKind, AssessmentSource, AssessmentView, RiskBasis, RiskOverrideInput };
/** GET /children/{id}/assessments: newest first, and when the next is due. */
export type ChildAssessments = z.infer<typeof childAssessmentsSchema>;
/** POST /children/{id}/assessments: the assessment and the child as it now stands. */
export type AssessmentRecorded = z.infer<typeof assessmentRecordedSchema>;
