import type { OutboxRepository } from '../store/event-ports.js';
import type { DomainEvent } from './domain-events.js';
import type { EventPublisher, PublishFailure } from './event-publisher.js';
import type { EventsLogger } from './events-logger.js';

export interface RelayReport {
  /** Published now and marked sent. */
  sent: string[];
  /** Marked sent before (a redelivered stream record, a sweep behind the stream): not published again. */
  alreadySent: string[];
  /** Not published, or published but not marked: still pending, so relayed again later. */
  failed: PublishFailure[];
}

export interface OutboxRelay {
  relay(events: readonly DomainEvent[]): Promise<RelayReport>;
}

/**
 * The outbox relay (ARCHITECTURE.md): publishes what the use cases wrote in their transactions, then marks each
 * published event sent. An event is published only while the table says it is pending (read consistently first),
 * so a stream record Lambda hands over again, or the sweep passing an event the stream just sent, publishes nothing
 * twice. What fails stays pending and is logged by id: never lost, only late. An event published whose mark then
 * failed is published once more on the next pass; consumers deduplicate on the event id.
 */
export function createOutboxRelay(deps: {
  outbox: Pick<OutboxRepository, 'pendingAmong' | 'markSent'>;
  publisher: EventPublisher;
  clock: () => Date;
  logger: EventsLogger;
}): OutboxRelay {
  const { outbox, publisher, clock, logger } = deps;
  return {
    async relay(events) {
      const unique = [...new Map(events.map((event) => [event.id, event])).values()];
      if (unique.length === 0) return { sent: [], alreadySent: [], failed: [] };
      const pending = await outbox.pendingAmong(unique.map((event) => event.id));
      const toPublish = unique.filter((event) => pending.has(event.id));
      const alreadySent = unique.filter((event) => !pending.has(event.id)).map((event) => event.id);

      const { published, failed } = await publisher.publish(toPublish);
      const marks = await Promise.allSettled(published.map((id) => outbox.markSent(id, clock())));
      const sent = published.filter((_, index) => marks[index].status === 'fulfilled');
      const unmarked = published
        .filter((_, index) => marks[index].status === 'rejected')
        .map((eventId) => ({ eventId, reason: 'MarkSentFailed' }));

      const report = { sent, alreadySent, failed: [...failed, ...unmarked] };
      if (report.failed.length > 0) logger.error('outbox events not relayed', { failed: report.failed, sent: sent.length });
      else logger.info('outbox events relayed', { sent: sent.length, alreadySent: alreadySent.length });
      return report;
    },
  };
}
