import type { Region, RegionLevel } from '../domain/region.js';
import type { RegionRepository } from './ports.js';

/**
 * What a child list needs to know about regions: a town's district, a village's town, a city's districts.
 * A region never moves to another parent (the port has no update), so the parent chain is cached for the life of
 * the process; lists of districts are not, because a district may be added.
 */
export interface RegionLookup {
  /** The region if it exists and has the given level; null otherwise. */
  getAtLevel(id: string, level: RegionLevel): Promise<Region | null>;
  /** The ids of a city's districts, in id order (a stable order is what makes a city-wide cursor work). */
  districtIdsOf(cityId: string): Promise<string[]>;
}

export function createRegionLookup(regions: RegionRepository): RegionLookup {
  const known = new Map<string, Region>();
  return {
    async getAtLevel(id, level) {
      let region = known.get(id) ?? null;
      if (!region) {
        region = await regions.get(id);
        if (region) known.set(id, region);
      }
      return region?.level === level ? region : null;
    },
    async districtIdsOf(cityId) {
      const children = await regions.listChildrenOf(cityId);
      return children
        .filter((region) => region.level === 'district')
        .map((region) => region.id)
        .sort();
    },
  };
}
