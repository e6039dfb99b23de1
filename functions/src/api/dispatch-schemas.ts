import { z } from '@hono/zod-openapi';
import { dispatchSectionsSchema, quarterSchema } from '../domain/quarterly-dispatch.js';
import { idSchema } from '../domain/region.js';

export const dispatchParamsSchema = z.object({ townId: idSchema, quarter: quarterSchema });

const percent = z.number().int().min(0).max(100).nullable();

export const quarterlyDispatchViewSchema = z
  .object({
    town: z.object({ id: idSchema, name: z.string() }),
    quarter: quarterSchema,
    months: z.array(z.string()),
    monthsReported: z.number().int().min(0).max(3),
    progress: z.object({
      visitsDue: z.number().int(),
      visitsDone: z.number().int(),
      visitsOnTime: z.number().int(),
      visitsLate: z.number().int(),
      visitsMissing: z.number().int(),
      completionPercent: percent,
    }),
    results: z.object({
      confirmations: z.number().int(),
      disputes: z.number().int(),
      contacts: z.number().int(),
      concernsReceived: z.number().int(),
      concernsClosed: z.number().int(),
    }),
    /** The district's towns that quarter, best completion first (赛马比拼). */
    comparison: z.array(
      z.object({
        townId: idSchema,
        name: z.string(),
        visitsDue: z.number().int(),
        visitsDone: z.number().int(),
        completionPercent: percent,
        rank: z.number().int().positive().nullable(),
      }),
    ),
    sections: dispatchSectionsSchema,
    version: z.number().int().min(0),
    updatedAt: z.string().nullable(),
    updatedByName: z.string().nullable(),
    canEdit: z.boolean(),
  })
  .openapi('QuarterlyDispatchView');
