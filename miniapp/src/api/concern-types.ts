/**
 * Issue 8's concern reports as the API takes and answers them, from its zod schemas (`import type` only, like
 * types.ts: nothing of zod reaches the bundle).
 */
import type { z } from 'zod';
import type {
  concernListsSchema,
  concernStatusViewSchema,
  concernSummarySchema,
  ConcernView,
  myConcernSchema,
  publicRegionListSchema,
  publicReportAnswerSchema,
} from '../../../functions/src/api/concern-schemas';
import type {
  ConcernKind,
  ConcernStatus,
  publicConcernInputSchema,
  staffConcernInputSchema,
} from '../../../functions/src/domain/concern';
import type { concernStepInputSchema } from '../../../functions/src/domain/concern-lifecycle';

export type { ConcernKind, ConcernStatus, ConcernView };

/** What the forms send; fields the server defaults may be left out. */
export type PublicConcernRequest = z.input<typeof publicConcernInputSchema>;
export type StaffConcernRequest = z.input<typeof staffConcernInputSchema>;
/** Shown once after a public report: the reporter follows it with the code. */
export type PublicReportAnswer = z.infer<typeof publicReportAnswerSchema>;
/** What the tracking code shows: the status and, once closed, the feedback; nothing about the child. */
export type ConcernStatusView = z.infer<typeof concernStatusViewSchema>;
/** A line of a handler's queue: no description, no reporter. */
export type ConcernSummary = z.infer<typeof concernSummarySchema>;
/** One of the signed-in user's own reports, as its reporter sees it. */
export type MyConcern = z.infer<typeof myConcernSchema>;
/** GET /concerns: the handler's queue (null for other roles), its counts, and one's own reports. */
export type ConcernLists = z.infer<typeof concernListsSchema>;
/** One step a handler takes; `version` is the one the page was loaded at. */
export type ConcernStepRequest = z.input<typeof concernStepInputSchema>;
/** A place of the public picker: a city, or the level below a region. */
export type PublicRegion = z.infer<typeof publicRegionListSchema>['items'][number];
