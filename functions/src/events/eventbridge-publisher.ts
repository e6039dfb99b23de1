import { PutEventsCommand, type EventBridgeClient, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { pauseBeforeAttempt, type RetryPolicy } from './backoff.js';
import type { DomainEvent } from './domain-events.js';
import type { EventPublisher, PublishFailure, PublishResult } from './event-publisher.js';
import { batchForPutEvents, putEventsEntryOf } from './put-events-entries.js';

/**
 * A few quick attempts: what is still refused after them stays pending in the outbox and is relayed again later
 * (the stream's retry, the sweep, the local poll), so waiting longer here would only hold up the batch.
 */
export const PUT_EVENTS_RETRY: RetryPolicy = { maxAttempts: 4, baseDelayMs: 100, maxDelayMs: 2_000 };

interface Pending {
  event: DomainEvent;
  entry: PutEventsRequestEntry;
}

/**
 * Publishes to the product's own bus with PutEvents. RELIABILITY.md: a request can fail per entry (FailedEntryCount,
 * each failed entry with an ErrorCode), so only the failed entries are sent again, with backoff and jitter; a request
 * that throws is sent again whole. An accepted entry is never sent again by this publisher. (A request that threw
 * after EventBridge took it can still deliver an event twice: consumers deduplicate on the event id.)
 */
export function createEventBridgePublisher(options: {
  client: EventBridgeClient;
  busName: string;
  retry?: RetryPolicy;
}): EventPublisher {
  const { client, busName, retry = PUT_EVENTS_RETRY } = options;

  async function sendBatch(batch: Pending[]): Promise<PublishResult> {
    const published: string[] = [];
    const reasons = new Map<string, string>();
    let pending = batch;
    for (let attempt = 1; attempt <= retry.maxAttempts && pending.length > 0; attempt += 1) {
      if (attempt > 1) await pauseBeforeAttempt(retry, attempt);
      try {
        const output = await client.send(new PutEventsCommand({ Entries: pending.map((p) => p.entry) }));
        // Result entries are in the order of the request's entries.
        const results = output.Entries ?? [];
        const refused: Pending[] = [];
        pending.forEach((p, index) => {
          const result = results[index];
          if (result?.EventId && !result.ErrorCode) {
            published.push(p.event.id);
            reasons.delete(p.event.id);
          } else {
            refused.push(p);
            reasons.set(p.event.id, result?.ErrorCode ?? 'NoResult');
          }
        });
        pending = refused;
      } catch (error) {
        for (const p of pending) reasons.set(p.event.id, (error as Error | undefined)?.name ?? 'Error');
      }
    }
    return { published, failed: pending.map((p) => ({ eventId: p.event.id, reason: reasons.get(p.event.id) ?? 'Error' })) };
  }

  return {
    async publish(events) {
      const items = events.map((event) => ({ event, entry: putEventsEntryOf(event, busName) }));
      const { batches, oversized } = batchForPutEvents(items, (item) => item.entry);
      const results = await Promise.all(batches.map(sendBatch));
      const tooLarge: PublishFailure[] = oversized.map((item) => ({ eventId: item.event.id, reason: 'EntryTooLarge' }));
      return {
        published: results.flatMap((r) => r.published),
        failed: [...results.flatMap((r) => r.failed), ...tooLarge],
      };
    },
  };
}
