import { z } from '@hono/zod-openapi';
import { idSchema } from '../domain/region.js';
import { pledgeVersionSchema, roleSchema } from '../domain/user.js';

export const pledgeTextSchema = z
  .object({ id: z.string(), title: z.string(), publishedOn: z.string(), paragraphs: z.array(z.string()) })
  .openapi('PledgeText');

/** `intact` false: the record changed after signing (记录异常). */
export const ownSignatureSchema = z
  .object({ version: z.string(), signedAt: z.string(), typedName: z.string(), intact: z.boolean() })
  .openapi('OwnPledgeSignature');

export const ownPledgeSchema = z
  .object({ required: z.boolean(), text: pledgeTextSchema, signature: ownSignatureSchema.nullable() })
  .openapi('OwnPledge');

export const signPledgeResultSchema = z.object({ signature: ownSignatureSchema.nullable() }).openapi('PledgeSigned');

export const pledgeRosterSchema = z
  .object({
    version: z.string(),
    title: z.string(),
    entries: z.array(
      z.object({
        userId: idSchema,
        name: z.string(),
        role: roleSchema,
        status: z.enum(['signed', 'unsigned', 'anomaly']),
        signedAt: z.string().nullable(),
        downloadable: z.boolean(),
      }),
    ),
  })
  .openapi('PledgeRoster');

export const pledgeDocumentParamsSchema = z.object({
  userId: idSchema,
  version: pledgeVersionSchema,
  format: z.enum(['pdf', 'png']),
});
