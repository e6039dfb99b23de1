import type { InboxMessage } from '../domain/inbox.js';
import type { DomainEvent } from '../events/domain-events.js';
import type { InboxOwner } from './ports.js';

/**
 * What the outbox relay and the event consumers need from storage, in the domain's words (the adapters are
 * outbox-repository.ts and inbox-delivery.ts).
 */
export interface OutboxRepository {
  /**
   * Events not yet marked sent, oldest first. `occurredBefore` leaves out the newer ones, which the table's stream
   * is still relaying in the cloud. The pending index is eventually consistent: check with `pendingAmong`.
   */
  listPending(request: { limit: number; occurredBefore?: Date }): Promise<DomainEvent[]>;
  /** Which of these events are still pending, read consistently from the table (one BatchGetItem per 100). */
  pendingAmong(eventIds: readonly string[]): Promise<Set<string>>;
  /** Takes the event off the pending index and keeps it a few days; 'alreadySent' (and no change) the second time. */
  markSent(eventId: string, at: Date): Promise<'marked' | 'alreadySent'>;
}

/** Which consumer acted on which event, and when: what makes a second delivery of the event a no-op. */
export interface EventReceipt {
  consumer: string;
  eventId: string;
  at: Date;
}

export interface AddressedMessage {
  owner: InboxOwner;
  message: InboxMessage;
}

export interface InboxDelivery {
  /**
   * Writes the messages and the consumer's processed record of the event in one transaction. 'duplicate' when that
   * record exists already: the consumer acted on this event before, and nothing is written.
   */
  deliverOnce(receipt: EventReceipt, messages: readonly AddressedMessage[]): Promise<'delivered' | 'duplicate'>;
}
