import type { Child } from '../domain/child.js';
import type { RegionRepository } from '../store/ports.js';

/** The names of the towns and villages a page of children lives in, each region read once per request. */
export async function collectRegionNames(regions: RegionRepository, children: Child[]): Promise<Record<string, string>> {
  const ids = [...new Set(children.flatMap((child) => [child.region.townId, child.region.villageId]))];
  const found = await Promise.all(ids.map((id) => regions.get(id)));
  const names: Record<string, string> = {};
  for (const region of found) if (region !== null) names[region.id] = region.name;
  return names;
}
