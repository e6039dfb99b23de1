import type { z } from 'zod';
import type { accessTrailSchema, caseFileSubmissionViewSchema, submissionProgressSchema } from '../../../functions/src/api/case-file-schemas';

/** Issue 12 part 5: who has seen a child, a page at a time (GET /children/{id}/access-trail). */
export type AccessTrail = z.infer<typeof accessTrailSchema>;
export type AccessTrailEntry = AccessTrail['items'][number];
/** R7: one child's file sent to the district, and the district's progress (N / M 已提交). */
export type CaseFileSubmissionView = z.infer<typeof caseFileSubmissionViewSchema>;
export type SubmissionProgress = z.infer<typeof submissionProgressSchema>;
export type CaseFileFormat = 'pdf' | 'zip';
