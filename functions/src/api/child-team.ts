import { z } from '@hono/zod-openapi';
import { childDetailSchema } from '../domain/child-views.js';
import { teamRoles } from '../domain/child-team.js';
import { idSchema } from '../domain/region.js';

/** A child's page (GET /children/{id}): the record as the role may see it, and its team by name (issue 7, B7). */
export const teamMemberSchema = z.object({
  role: z.enum(teamRoles),
  userId: idSchema,
  name: z.string(),
  /** A work phone, for a tap to call; null when none is on record. */
  phone: z.string().nullable(),
});

export const childPageSchema = childDetailSchema.extend({ teamMembers: z.array(teamMemberSchema) });
