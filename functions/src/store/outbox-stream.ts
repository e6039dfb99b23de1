import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DomainEvent } from '../events/domain-events.js';
import { eventFromOutboxItem, OUTBOX_ENTITY } from './outbox-items.js';

/** A stream image that is an outbox item but holds no valid event: it names the item's key, never its content. */
export class UnreadableOutboxItemError extends Error {
  override readonly name = 'UnreadableOutboxItemError';
  constructor(readonly key: string) {
    super(`Outbox item ${key} holds no valid event`);
  }
}

/**
 * The event in a table stream record's new image (DynamoDB JSON); null for any other entity, which the event
 * source mapping's filter normally keeps away.
 */
export function outboxEventOfStreamImage(image: Record<string, unknown>): DomainEvent | null {
  const item = unmarshall(image as Record<string, AttributeValue>);
  if (item.entity !== OUTBOX_ENTITY) return null;
  try {
    return eventFromOutboxItem(item);
  } catch {
    throw new UnreadableOutboxItemError(String(item.pk));
  }
}
