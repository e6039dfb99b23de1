import type { Region } from '../domain/region.js';
import { isFallingDue, r12MayFallDue, r12TrackerOf, trackedRangeOf } from '../domain/safety-tracker.js';
import type { RegionRepository, ReminderReads, SafetySessions, Schools } from '../store/ports.js';

export interface TownSafetyReadPorts {
  regions: Pick<RegionRepository, 'listChildrenOf'>;
  schools: Pick<Schools, 'listInTown'>;
  safetySessions: Pick<SafetySessions, 'listInTown'>;
  reads: ReminderReads;
}

/** R12 in a town's digests: how many items fall due across it, and each director's count for their village. */
export interface TownSafetyDue {
  items: number;
  byDirector: Map<string, number>;
}

/**
 * What R12 demands of a town that falls due on `today` (safety-tracker.ts): on a day when nothing can, no read at all;
 * otherwise three queries (the town's villages, schools and sessions of the tracked range) and one per village with
 * something falling due (its directors): bounded by the town and growing only with what is due.
 */
export async function readTownSafetyDue(ports: TownSafetyReadPorts, town: Region, today: string): Promise<TownSafetyDue> {
  if (!r12MayFallDue(today)) return { items: 0, byDirector: new Map() };
  const { from, until } = trackedRangeOf(today);
  const [regions, schools, sessions] = await Promise.all([
    ports.regions.listChildrenOf(town.id),
    ports.schools.listInTown(town.id),
    ports.safetySessions.listInTown(town.id, from, until),
  ]);
  const villages = regions.filter((region) => region.level === 'village');
  const rows = r12TrackerOf([{ id: town.id, name: town.name, villages, schools }], sessions, today);
  const falling = rows.map((row) => ({ row, count: row.items.filter((item) => isFallingDue(item, today)).length })).filter(({ count }) => count > 0);
  const villagesDue = falling.filter(({ row }) => row.kind === 'village');
  const directors = await Promise.all(villagesDue.map(({ row }) => ports.reads.listUsersInRegion(row.id, 'director')));
  const byDirector = new Map<string, number>();
  villagesDue.forEach(({ count }, i) => directors[i].forEach((director) => byDirector.set(director.id, (byDirector.get(director.id) ?? 0) + count)));
  return { items: falling.reduce((sum, { count }) => sum + count, 0), byDirector };
}
