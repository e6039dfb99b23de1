import type { Child } from '../domain/child.js';
import type { RegionRepository } from '../store/ports.js';

/** The names of these regions, each region read once per request. */
export async function regionNamesOf(regions: RegionRepository, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  const found = await Promise.all(unique.map((id) => regions.get(id)));
  return new Map(found.flatMap((region) => (region ? [[region.id, region.name] as const] : [])));
}

/** The names of the towns and villages a page of children lives in. */
export async function collectRegionNames(regions: RegionRepository, children: Child[]): Promise<Record<string, string>> {
  const names = await regionNamesOf(regions, children.flatMap((child) => [child.region.townId, child.region.villageId]));
  return Object.fromEntries(names);
}
