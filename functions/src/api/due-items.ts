import { daysBetween } from '../domain/calendar.js';
import { isRunningOn } from '../domain/due-entries.js';
import type { DueEntry, RecordReader } from '../store/ports.js';
import type { DueItem } from './visit-schemas.js';

/**
 * Index entries as the due lists show them, with the village and the assignee by name (one batch read); entries
 * whose R19 period is over are not listed (isRunningOn).
 */
export async function dueItemsOf(records: RecordReader, entries: DueEntry[], today: string): Promise<DueItem[]> {
  const running = entries.filter((entry) => isRunningOn(entry, today));
  const { regions, users } = await records.read({
    regions: running.map((entry) => entry.region.villageId),
    users: running.flatMap((entry) => (entry.assigneeId ? [entry.assigneeId] : [])),
  });
  return running.map((entry) => ({
    ...entry.obligation,
    childName: entry.childName,
    villageName: regions.get(entry.region.villageId)?.name ?? '',
    assigneeId: entry.assigneeId,
    assigneeName: entry.assigneeId ? (users.get(entry.assigneeId)?.name ?? null) : null,
    overdueDays: Math.max(0, daysBetween(entry.obligation.dueDate, today)),
  }));
}
