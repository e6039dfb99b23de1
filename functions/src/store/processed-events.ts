import { processedEventKey } from './keys.js';
import type { EventReceipt } from './event-ports.js';
import type { TransactItems } from './transact.js';

/**
 * RELIABILITY.md: EventBridge retries a target for up to 24 h and Lambda's own async retries add hours more, so a
 * consumer can see an event again a day after it acted. A week covers that with room to spare; DynamoDB TTL then
 * removes the record (an event is never redelivered that late).
 */
export const PROCESSED_EVENT_TTL_SECONDS = 7 * 24 * 3_600;

/** The consumer's processed record, create-once: put in the same transaction as the consumer's effect. */
export function processedEventPut(tableName: string, receipt: EventReceipt): TransactItems[number] {
  return {
    Put: {
      TableName: tableName,
      Item: {
        ...processedEventKey(receipt.consumer, receipt.eventId),
        entity: 'processedEvent',
        consumer: receipt.consumer,
        eventId: receipt.eventId,
        processedAt: receipt.at.toISOString(),
        expiresAt: Math.floor(receipt.at.getTime() / 1000) + PROCESSED_EVENT_TTL_SECONDS,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}
