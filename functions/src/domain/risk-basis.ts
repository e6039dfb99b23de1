import { z } from 'zod';
import { idSchema } from './region.js';

/**
 * Where a child's risk level came from (issue 12, R18): the level changes only through a guardianship assessment
 * or a supervisor's recorded override with a reason. A child without one still carries registration's initial
 * level, shown as 待评估 until the first assessment. Kept apart from guardianship-assessment.ts so child.ts can
 * hold it without a cycle.
 */
export const assessmentKinds = ['first', 'yearly', 'reassessment'] as const;
export const assessmentKindSchema = z.enum(assessmentKinds);
export type AssessmentKind = z.infer<typeof assessmentKindSchema>;

export const riskBasisSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('assessment'), assessmentId: idSchema, heldOn: z.iso.date(), assessmentKind: assessmentKindSchema }).strict(),
  z.object({ kind: z.literal('override'), reason: z.string(), byUserId: idSchema, at: z.iso.datetime({ offset: true }) }).strict(),
]);
export type RiskBasis = z.infer<typeof riskBasisSchema>;
