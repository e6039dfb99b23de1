import { z } from '@hono/zod-openapi';
import { concernSchema, concernStatusSchema, concernStepSchema } from '../domain/concern.js';
import { idSchema, regionSchema } from '../domain/region.js';

/** Issue 8's answers about concern reports: explicit fields only. */

export const concernIdParamsSchema = z.object({ id: idSchema });

/** A handler's view: the whole report and its trail with names, the child's and village's names, the steps open to them. */
export const concernViewSchema = concernSchema.extend({
  villageName: z.string(),
  /** The registered child's name, for the handlers of its area; null for a child described only. */
  childName: z.string().nullable(),
  trail: z.array(concernStepSchema.extend({ byName: z.string().nullable() })),
  nextSteps: z.array(concernStatusSchema),
});
export type ConcernView = z.infer<typeof concernViewSchema>;

/** A queue's line: enough to choose what to open, nothing of the description or the reporter. */
export const concernSummarySchema = concernSchema
  .pick({ id: true, kinds: true, urgent: true, status: true, raisedTo: true, createdAt: true, updatedAt: true, channel: true })
  .extend({ villageName: z.string(), knownChild: z.boolean() });

/** What a reporter sees of their own reports (R17): the status and, once closed, the feedback. */
export const myConcernSchema = concernSchema
  .pick({ id: true, kinds: true, urgent: true, status: true, createdAt: true, updatedAt: true, closingFeedback: true })
  .extend({ villageName: z.string() });

export const concernListsSchema = z.object({
  /** Null for a role that handles no queue. */
  queue: z.array(concernSummarySchema).nullable(),
  /** Open reports in the queue, and the urgent among them, for the home page's counts. */
  counts: z.object({ open: z.number().int().nonnegative(), urgent: z.number().int().nonnegative() }),
  mine: z.array(myConcernSchema),
});

export const publicReportAnswerSchema = z.object({
  /** Shown once: the reporter follows the report with it. */
  trackingCode: z.string(),
  status: concernStatusSchema,
  reportedAt: z.iso.datetime({ offset: true }),
});

export const trackingLookupSchema = z.object({ trackingCode: z.string().min(1).max(64) }).strict();

export const concernStatusViewSchema = z.object({
  status: concernStatusSchema,
  reportedAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  closingFeedback: z.string().nullable(),
});

export const publicRegionQuerySchema = z.object({ parentId: idSchema.optional() }).strict();
export const publicRegionListSchema = z.object({ items: z.array(regionSchema.pick({ id: true, name: true, level: true })) });
