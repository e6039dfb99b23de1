import { z } from 'zod';
import { idSchema } from './region.js';
import { singleLineText } from './text.js';

/** 承接社会组织: the social-work organization the district contracts (000 §四). */
export const organizationSchema = z
  .object({
    id: idSchema,
    name: singleLineText(100),
    districtId: idSchema,
  })
  .strict();
export type Organization = z.infer<typeof organizationSchema>;
