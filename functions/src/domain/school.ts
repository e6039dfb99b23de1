import { z } from 'zod';
import { idSchema } from './region.js';
import { singleLineText } from './text.js';

/**
 * A school (学校) of R12's pre-vacation safety sessions. Schools are not regions (children are not registered under
 * them): each belongs to one town, and its district is kept with it so a scope check is one comparison.
 */
export const schoolSchema = z
  .object({
    id: idSchema,
    name: singleLineText(50),
    townId: idSchema,
    districtId: idSchema,
  })
  .strict();
export type School = z.infer<typeof schoolSchema>;
