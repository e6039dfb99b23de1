import { z } from 'zod';
import { hiddenChildFields } from './access-policy.js';
import {
  childCategorySchema,
  childSchema,
  genderSchema,
  riskLevelSchema,
  childStatusSchema,
  type Child,
} from './child.js';
import { maskAddress, maskIdNumber, maskName } from './masking.js';
import { idSchema, regionPathSchema } from './region.js';
import type { Role } from './user.js';

/** One child in a list: personal data masked (ARCHITECTURE.md), grading only for the workers who use it. */
export const childSummarySchema = z
  .object({
    id: idSchema,
    name: z.string(),
    gender: genderSchema,
    birthDate: z.iso.date(),
    region: regionPathSchema,
    status: childStatusSchema,
    addressMasked: z.string(),
    guardianNamesMasked: z.array(z.string()),
    idNumberMasked: z.string().nullable().optional(),
    categories: z.array(childCategorySchema).optional(),
    riskLevel: riskLevelSchema.optional(),
    hasTeam: z.boolean(),
  })
  .strict();
export type ChildSummary = z.infer<typeof childSummarySchema>;

/** A single child as one role may see it: the hidden fields of that role are absent. */
export const childDetailSchema = childSchema.partial({
  idNumber: true,
  riskLevel: true,
  flags: true,
  categories: true,
  legalBasis: true,
  teamHistory: true,
  organizationId: true,
  followUpTriggers: true,
});
export type ChildDetail = z.infer<typeof childDetailSchema>;

export function childDetailFor(role: Role, child: Child): ChildDetail {
  const detail: Partial<Child> = { ...child };
  for (const field of hiddenChildFields[role]) delete detail[field];
  return detail as ChildDetail;
}

export function childSummaryFor(role: Role, child: Child): ChildSummary {
  const hidden = new Set(hiddenChildFields[role]);
  const summary: ChildSummary = {
    id: child.id,
    name: child.name,
    gender: child.gender,
    birthDate: child.birthDate,
    region: child.region,
    status: child.status,
    addressMasked: maskAddress(child.address),
    guardianNamesMasked: child.guardians.map((g) => maskName(g.name)),
    hasTeam: child.team !== null,
  };
  if (!hidden.has('idNumber')) summary.idNumberMasked = child.idNumber ? maskIdNumber(child.idNumber) : null;
  if (!hidden.has('categories')) summary.categories = child.categories;
  if (!hidden.has('riskLevel')) summary.riskLevel = child.riskLevel;
  return summary;
}
