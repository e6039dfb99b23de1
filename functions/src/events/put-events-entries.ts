import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { EVENT_SOURCE, type DomainEvent } from './domain-events.js';

/** PutEvents limits: at most 10 entries a request, and all entries together under 256 KB. */
export const MAX_ENTRIES_PER_REQUEST = 10;
export const MAX_REQUEST_BYTES = 256 * 1024;

/** One entry per event: the whole event is the detail, so a consumer gets its id, version and envelope too. */
export function putEventsEntryOf(event: DomainEvent, busName: string): PutEventsRequestEntry {
  return {
    EventBusName: busName,
    Source: EVENT_SOURCE,
    DetailType: event.detailType,
    Detail: JSON.stringify(event),
    Time: new Date(event.occurredAt),
  };
}

/** EventBridge's own measure of an entry ("Calculating PutEvents event entry size"). */
export function entrySizeBytes(entry: PutEventsRequestEntry): number {
  const bytes = (text: string | undefined) => Buffer.byteLength(text ?? '', 'utf8');
  return (
    (entry.Time ? 14 : 0) +
    bytes(entry.Source) +
    bytes(entry.DetailType) +
    bytes(entry.Detail) +
    (entry.Resources ?? []).reduce((sum, resource) => sum + bytes(resource), 0)
  );
}

/**
 * Cuts the items into requests EventBridge takes, in order: a new request when the next item would be the 11th or
 * would pass the size limit. An item too large even alone comes back in `oversized`, never sent.
 */
export function batchForPutEvents<T>(items: readonly T[], entryOf: (item: T) => PutEventsRequestEntry): { batches: T[][]; oversized: T[] } {
  const batches: T[][] = [];
  const oversized: T[] = [];
  let current: T[] = [];
  let currentBytes = 0;
  for (const item of items) {
    const size = entrySizeBytes(entryOf(item));
    if (size > MAX_REQUEST_BYTES) {
      oversized.push(item);
      continue;
    }
    if (current.length === MAX_ENTRIES_PER_REQUEST || currentBytes + size > MAX_REQUEST_BYTES) {
      batches.push(current);
      current = [];
      currentBytes = 0;
    }
    current.push(item);
    currentBytes += size;
  }
  if (current.length > 0) batches.push(current);
  return { batches, oversized };
}
