import { z } from '@hono/zod-openapi';
import { activityStatusSchema } from '../domain/activity.js';
import { childCategorySchema } from '../domain/child.js';
import { idSchema } from '../domain/region.js';

export const activityParamsSchema = z.object({ activityId: idSchema });
export const signUpParamsSchema = z.object({ activityId: idSchema, signUpId: idSchema });
export const cancelActivityInputSchema = z.object({ version: z.int().min(1) }).strict();

const summaryShape = {
  id: idSchema,
  title: z.string(),
  date: z.string(),
  time: z.string(),
  place: z.string(),
  areaName: z.string(),
  capacity: z.number().int(),
  placesLeft: z.number().int(),
  status: activityStatusSchema,
};

export const activityListSchema = z
  .object({ items: z.array(z.object(summaryShape)), canPlan: z.boolean() })
  .openapi('ActivityList');

export const activityViewSchema = z
  .object({
    ...summaryShape,
    areaLevel: z.enum(['town', 'village']),
    categories: z.array(childCategorySchema),
    description: z.string(),
    organizerName: z.string(),
    heldAt: z.string().nullable(),
    version: z.number().int(),
    started: z.boolean(),
    canManage: z.boolean(),
    signUps: z.array(z.object({ id: idSchema, kind: z.enum(['volunteer', 'child']), name: z.string(), attended: z.boolean() })),
    signUpChoices: z.array(
      z.object({ kind: z.enum(['volunteer', 'child']), childId: idSchema.nullable(), name: z.string(), signUpId: idSchema, signedUp: z.boolean() }),
    ),
  })
  .openapi('ActivityView');

export const r5StandingsSchema = z
  .object({
    year: z.number().int(),
    organizations: z.array(
      z.object({
        organizationId: idSchema,
        name: z.string(),
        year: z.number().int(),
        held: z.number().int(),
        planned: z.number().int(),
        minimum: z.number().int(),
        met: z.boolean(),
        behind: z.boolean(),
      }),
    ),
  })
  .openapi('R5Standings');

export const activityAreasSchema = z
  .object({ items: z.array(z.object({ id: idSchema, name: z.string(), level: z.enum(['town', 'village']), townName: z.string() })) })
  .openapi('ActivityAreas');
