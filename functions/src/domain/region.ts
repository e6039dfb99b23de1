import { z } from 'zod';
import { singleLineText } from './text.js';

/** Geography of DOMAIN.md: city (市) → district (区) → town/street (镇/街道) → village/residence committee (村/居). */
export const regionLevels = ['city', 'district', 'town', 'village'] as const;
export const regionLevelSchema = z.enum(regionLevels);
export type RegionLevel = z.infer<typeof regionLevelSchema>;

export const idSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'letters, digits, "_" and "-" only');

export const regionSchema = z
  .object({
    id: idSchema,
    level: regionLevelSchema,
    name: singleLineText(50),
    parentId: idSchema.nullable(),
  })
  .strict();
export type Region = z.infer<typeof regionSchema>;

/**
 * Where a record sits, denormalised from village up to city, so that any scope check is one comparison and
 * every level's list is one index query.
 */
export const regionPathSchema = z
  .object({
    cityId: idSchema,
    districtId: idSchema,
    townId: idSchema,
    villageId: idSchema,
  })
  .strict();
export type RegionPath = z.infer<typeof regionPathSchema>;

/** A user's area of responsibility: a region at one level. */
export const scopeSchema = z
  .object({
    level: regionLevelSchema,
    regionId: idSchema,
  })
  .strict();
export type Scope = z.infer<typeof scopeSchema>;

const pathKeyOf: Record<RegionLevel, keyof RegionPath> = {
  city: 'cityId',
  district: 'districtId',
  town: 'townId',
  village: 'villageId',
};

export function isWithinScope(path: RegionPath, scope: Scope): boolean {
  return path[pathKeyOf[scope.level]] === scope.regionId;
}

/** The region path truncated at a scope's level, e.g. a town scope fixes cityId, districtId and townId. */
export function regionIdAt(path: RegionPath, level: RegionLevel): string {
  return path[pathKeyOf[level]];
}
