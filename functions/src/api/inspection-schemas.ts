import { z } from '@hono/zod-openapi';
import { callbackOutcomeSchema, monthSchema } from '../domain/callback-inspection.js';
import { idSchema } from '../domain/region.js';

export const sampleParamsSchema = z.object({ sampleId: idSchema });
export const callbackParamsSchema = z.object({ sampleId: idSchema, childId: idSchema });

const confirmationsSchema = z.object({ confirmed: z.number().int(), disputed: z.number().int(), unanswered: z.number().int() });

export const sampleViewSchema = z
  .object({
    id: idSchema,
    month: monthSchema,
    seed: z.string(),
    size: z.number().int(),
    candidates: z.number().int(),
    drawnAt: z.string(),
    drawnByName: z.string(),
    areaName: z.string(),
    summary: z.object({
      drawn: z.number().int(),
      called: z.number().int(),
      confirmed: z.number().int(),
      notConfirmed: z.number().int(),
      unreachable: z.number().int(),
      confirmedPercent: z.number().int().nullable(),
      disagreements: z.number().int(),
    }),
    entries: z.array(
      z.object({
        childId: idSchema,
        childName: z.string(),
        guardians: z.array(z.object({ name: z.string(), relation: z.string(), phone: z.string().nullable() })),
        visits: z.array(z.object({ date: z.string(), who: z.array(z.string()) })),
        app: confirmationsSchema,
        callback: z
          .object({
            outcome: callbackOutcomeSchema,
            familySaid: z.string().nullable(),
            tries: z.number().int().nullable(),
            note: z.string(),
            recordedAt: z.string(),
            recordedByName: z.string(),
          })
          .nullable(),
        disagrees: z.boolean(),
      }),
    ),
  })
  .openapi('CallbackSampleView');

export const sampleRowsSchema = z
  .object({
    items: z.array(
      z.object({ id: idSchema, month: z.string(), seed: z.string(), drawn: z.number().int(), drawnAt: z.string(), drawnByName: z.string(), called: z.number().int() }),
    ),
  })
  .openapi('CallbackSampleList');
