import { z } from '@hono/zod-openapi';
import { escalationSchema, escalationTrailStepSchema } from '../domain/escalation.js';
import { escalationLevels } from '../domain/escalation-levels.js';
import { escalationStepActions } from '../domain/escalation-lifecycle.js';
import { idSchema } from '../domain/region.js';

/** Issue 8's answers about difficult cases (R6): explicit fields only. */

export const escalationIdParamsSchema = z.object({ id: idSchema });

const instant = z.iso.datetime({ offset: true });

/** A case with its trail and the names in it, for those who work the child's case; the steps open to the reader. */
export const escalationViewSchema = escalationSchema.extend({
  childName: z.string(),
  villageName: z.string(),
  /** By when the level that holds it must acknowledge it. */
  acknowledgeBy: instant,
  /** Not acknowledged by its level past that time: shown in red. */
  overdue: z.boolean(),
  trail: z.array(escalationTrailStepSchema.extend({ byName: z.string().nullable() })),
  nextSteps: z.array(z.enum(escalationStepActions)),
});
export type EscalationView = z.infer<typeof escalationViewSchema>;

/** A queue's line: enough to choose what to open, nothing of the form's text or the child's name. */
export const escalationSummarySchema = escalationSchema
  .pick({ id: true, childId: true, level: true, status: true, urgent: true, createdAt: true, updatedAt: true })
  .extend({ villageName: z.string(), raisedAt: instant, acknowledgeBy: instant, overdue: z.boolean() });
export type EscalationSummary = z.infer<typeof escalationSummarySchema>;

export const escalationListsSchema = z.object({
  /** The level whose queue the reader works; null (and no queue) for a role that works none. */
  level: z.enum(escalationLevels).nullable(),
  queue: z.array(escalationSummarySchema).nullable(),
  /** Cases of the reader's area the level below has let pass its deadline: shown in red. */
  overdueBelow: z.array(escalationSummarySchema),
  /** For the home page: open and urgent cases in the queue, the overdue among them, and the overdue below. */
  counts: z.object({
    open: z.number().int().nonnegative(),
    urgent: z.number().int().nonnegative(),
    overdue: z.number().int().nonnegative(),
    overdueBelow: z.number().int().nonnegative(),
  }),
});

export const childEscalationsSchema = z.object({ items: z.array(escalationViewSchema) });
