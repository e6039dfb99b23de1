import { api } from './api';

/**
 * Region names learnt from list answers, so a child's detail (which carries region ids only) can still say
 * which village. Kept in memory: names are not personal data and are fetched again after a restart.
 */
const names: Record<string, string> = {};

export function rememberRegionNames(more: Record<string, string>): void {
  Object.assign(names, more);
}

export function knownRegionNames(): Record<string, string> {
  return names;
}

/**
 * A child's village by name: known from a list, else asked of the public place list of its town (a page opened by its
 * own address, after a reload, has seen no list). '' when neither answers.
 */
export async function lookUpVillageName(region: { townId: string; villageId: string }): Promise<string> {
  const known = names[region.villageId];
  if (known) return known;
  try {
    const villages = await api.publicRegions(region.townId);
    rememberRegionNames(Object.fromEntries(villages.map((village) => [village.id, village.name])));
  } catch {
    return '';
  }
  return names[region.villageId] ?? '';
}
