import { z } from '@hono/zod-openapi';
import { idSchema } from '../domain/region.js';
import {
  approveApplicationInputSchema,
  refuseApplicationInputSchema,
  volunteerApplicationFieldsSchema,
  volunteerApplicationStatusSchema,
} from '../domain/volunteer-application.js';
import { registrationTicketSchema } from './registration-ticket.js';

// Domain schemas are plain zod (no .openapi()): the document takes them as they are, as the dispatch's input.
export const applyInputSchema = volunteerApplicationFieldsSchema.extend({ ticket: registrationTicketSchema }).strict();
export const ticketInputSchema = z.object({ ticket: registrationTicketSchema }).strict().openapi('RegistrationTicketInput');
export const approveInputSchema = approveApplicationInputSchema;
export const refuseInputSchema = refuseApplicationInputSchema;
export const applicationParamsSchema = z.object({ id: idSchema });

export const ownApplicationSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    phone: z.string(),
    organizationName: z.string(),
    status: volunteerApplicationStatusSchema,
    statusName: z.string(),
    appliedAt: z.string(),
    reviewedAt: z.string().nullable(),
    refusalReason: z.string().nullable(),
  })
  .openapi('OwnVolunteerApplication');

export const applicationRowSchema = z
  .object({
    id: idSchema,
    name: z.string(),
    phoneMasked: z.string(),
    status: volunteerApplicationStatusSchema,
    statusName: z.string(),
    appliedAt: z.string(),
    version: z.number().int(),
  })
  .openapi('VolunteerApplicationRow');

export const applicationListSchema = z.object({ items: z.array(applicationRowSchema) }).openapi('VolunteerApplicationList');

export const organizationChoicesSchema = z
  .object({ items: z.array(z.object({ id: idSchema, name: z.string() })) })
  .openapi('VolunteerOrganizationChoices');
