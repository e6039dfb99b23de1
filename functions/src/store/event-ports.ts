import type { InboxMessage } from '../domain/inbox.js';
import type { DomainEvent, EventOf } from '../events/domain-events.js';
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
  /**
   * Puts each message unless its inbox holds one of that id already (a job's message is keyed by its day, so a run
   * again writes nothing new); returns how many were new.
   */
  deliverNew(messages: readonly AddressedMessage[]): Promise<number>;
}

/**
 * A one-off timer (issue 8, part 5: timers are events): at `fireAt` its DeadlineReached event goes out like any other
 * event, and its consumer checks whether what was due was done meanwhile.
 */
export interface ScheduledDeadline {
  /** Named by what it watches (domain/deadline.ts), and the id of its event: one timer, one event, however often asked. */
  id: string;
  fireAt: Date;
  event: EventOf<'DeadlineReached'>;
}

/**
 * Where consumers put timers: EventBridge Scheduler in the cloud (events/eventbridge-scheduler.ts), the table's
 * schedule items that `npm start` polls on one machine (store/table-deadlines.ts).
 */
export interface DeadlineScheduler {
  /** 'alreadyScheduled' when a timer of this id is waiting: asking twice is one timer. */
  schedule(deadline: ScheduledDeadline): Promise<'scheduled' | 'alreadyScheduled'>;
}

/** The one-machine timers as the poller sees them. */
export interface DueDeadlines {
  /** Timers due at `now` or before, earliest first (from an index: one just fired may still be listed). */
  listDue(now: Date, limit: number): Promise<ScheduledDeadline[]>;
  /**
   * Deletes the timer and writes its event to the outbox in one transaction, so it fires once; 'alreadyFired' when
   * another pass did, or when its event went out before (the same deadline asked for again after it fired).
   */
  fire(deadline: ScheduledDeadline): Promise<'fired' | 'alreadyFired'>;
}

/**
 * Outside channels (WeChat subscription messages, WeCom robots) send at most once per delivery id: the delivery is
 * claimed in the table, with a condition, before the request goes out, so a retry after a crash finds the claim and
 * sends nothing (notify/subscribe-message.ts explains why at most once).
 */
export type ChannelClaim = 'claimed' | 'duplicate';
/** How a claimed delivery ended; 'uncertain' when the request may have reached WeChat without an answer. */
export type ChannelSettlement = 'sent' | 'refused' | 'failed' | 'uncertain';

export interface ChannelDeliveries {
  claim(request: { deliveryId: string; channel: string; at: Date }): Promise<ChannelClaim>;
  settle(deliveryId: string, settlement: ChannelSettlement, at: Date): Promise<void>;
}

/** A template's consent kind: one-time (一次性订阅, one message per accept) or long-term (长期订阅, 政务民生 and similar). */
export type ConsentKind = 'oneTime' | 'longTerm';
/** What `wx.requestSubscribeMessage` answered for one template id. */
export type ConsentAnswer = 'accept' | 'reject' | 'ban' | 'filter';

export interface SubscriptionConsent {
  templateId: string;
  kind: ConsentKind;
  /** One-time consents not yet used (always 0 for a long-term template). */
  oneTimeLeft: number;
  longTerm: boolean;
  updatedAt: string;
}

export interface SubscriptionConsents {
  /** Each `accept` of a one-time template adds one message; for a long-term one, accept turns it on and reject/ban off. */
  record(userId: string, answers: readonly { templateId: string; kind: ConsentKind; answer: ConsentAnswer }[], at: Date): Promise<void>;
  list(userId: string): Promise<SubscriptionConsent[]>;
  /**
   * Claims the delivery and uses one consent in one transaction: 'noConsent' (nothing written) when the user has none
   * left, 'duplicate' when the delivery was claimed before.
   */
  claimSend(request: { deliveryId: string; userId: string; templateId: string; at: Date }): Promise<ChannelClaim | 'noConsent'>;
  /**
   * Settles a claimed send: a refusal (43101) clears the user's consent for the template, as WeChat no longer holds
   * one; a failure WeChat answered gives back the one-time consent it did not use.
   */
  settleSend(request: { deliveryId: string; userId: string; templateId: string; settlement: ChannelSettlement; at: Date }): Promise<void>;
}
