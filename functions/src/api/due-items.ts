import { daysBetween } from '../domain/calendar.js';
import type { DueEntry, RegionRepository } from '../store/ports.js';
import { regionNamesOf } from './region-names.js';
import type { DueItem } from './visit-schemas.js';

/**
 * Index entries as the due lists show them. R19 follow-ups end with their period: an entry whose period is over on
 * `today` is not listed, even before anything has recomputed the child's obligations.
 */
export async function dueItemsOf(regions: RegionRepository, entries: DueEntry[], today: string): Promise<DueItem[]> {
  const running = entries.filter((entry) => entry.obligation.endsOn === null || entry.obligation.endsOn >= today);
  const villageNames = await regionNamesOf(regions, running.map((entry) => entry.region.villageId));
  return running.map((entry) => ({
    ...entry.obligation,
    childName: entry.childName,
    villageName: villageNames.get(entry.region.villageId) ?? '',
    assigneeId: entry.assigneeId,
    overdueDays: Math.max(0, daysBetween(entry.obligation.dueDate, today)),
  }));
}
