import type { DomainEvent } from './domain-events.js';

/** An event the bus did not take, and why (EventBridge's per-entry ErrorCode, or the name of the error thrown). */
export interface PublishFailure {
  eventId: string;
  reason: string;
}

export interface PublishResult {
  /** Ids of the events the bus accepted. */
  published: string[];
  failed: PublishFailure[];
}

/**
 * Where the relay puts events: the product's EventBridge bus in the cloud, the local bus on one machine. Every
 * event given is in exactly one of the two lists of the result.
 */
export interface EventPublisher {
  publish(events: readonly DomainEvent[]): Promise<PublishResult>;
}
