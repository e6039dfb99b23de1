import { domainEventSchema, type DomainEvent } from '../events/domain-events.js';
import { OUTBOX_PENDING_PARTITION, outboxKey, outboxPendingSortKey, stripKeys } from './keys.js';
import type { TransactItems } from './transact.js';

/**
 * The outbox (ARCHITECTURE.md): each event a use case returns is written as one item in the same TransactWriteItems
 * as the change it describes, so an event exists exactly when its change does. The relay reads the items (from the
 * table's stream in the cloud, from the pending index on one machine), publishes them and marks them sent.
 */
export const OUTBOX_ENTITY = 'outbox';

export function outboxItem(event: DomainEvent): Record<string, unknown> {
  const stored = domainEventSchema.parse(event);
  return {
    ...outboxKey(stored.id),
    entity: OUTBOX_ENTITY,
    gsi1pk: OUTBOX_PENDING_PARTITION,
    gsi1sk: outboxPendingSortKey(stored.occurredAt, stored.id),
    event: stored,
    createdAt: stored.occurredAt,
  };
}

/** One Put per event; an event id written twice is a programming error the condition refuses. */
export function outboxPuts(tableName: string, events: readonly DomainEvent[]): TransactItems {
  return events.map((event) => ({
    Put: { TableName: tableName, Item: outboxItem(event), ConditionExpression: 'attribute_not_exists(pk)' },
  }));
}

export function eventFromOutboxItem(item: Record<string, unknown>): DomainEvent {
  return domainEventSchema.parse(stripKeys(item).event);
}
