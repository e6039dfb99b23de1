import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionalCheckFailed } from './aws-errors.js';
import { batchGet } from './batch.js';
import type { OutboxRepository } from './event-ports.js';
import { GSI1, OUTBOX_PENDING_PARTITION, outboxKey, outboxPendingSortKey } from './keys.js';
import { eventFromOutboxItem } from './outbox-items.js';
import { queryItems, type ItemQuery } from './query-items.js';

/**
 * A sent event is kept a week after it was published, to see what went out and when; DynamoDB TTL removes it then.
 * The consumers' processed records, not these items, are what stops a duplicate.
 */
export const OUTBOX_SENT_RETENTION_SECONDS = 7 * 24 * 3_600;

export function createOutboxRepository(client: DynamoDBDocumentClient, tableName: string): OutboxRepository {
  return {
    async listPending({ limit, occurredBefore }) {
      const query: ItemQuery = {
        indexName: GSI1,
        keyCondition: occurredBefore ? '#p = :p AND #s < :before' : '#p = :p',
        names: occurredBefore ? { '#p': 'gsi1pk', '#s': 'gsi1sk' } : { '#p': 'gsi1pk' },
        values: {
          ':p': OUTBOX_PENDING_PARTITION,
          // The sort key is `<occurredAt>#<id>`: anything at the instant itself sorts after the bare instant.
          ...(occurredBefore ? { ':before': outboxPendingSortKey(occurredBefore.toISOString(), '') } : {}),
        },
        limit,
      };
      return (await queryItems(client, tableName, query)).map(eventFromOutboxItem);
    },

    async pendingAmong(eventIds) {
      const items = await batchGet(client, tableName, [...new Set(eventIds)].map(outboxKey));
      const pending = new Set<string>();
      for (const item of items.values()) {
        if (item.sentAt === undefined) pending.add(eventFromOutboxItem(item).id);
      }
      return pending;
    },

    async markSent(eventId, at) {
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: outboxKey(eventId),
            UpdateExpression: 'SET #sentAt = :at, #expiresAt = :expiresAt REMOVE #gsi1pk, #gsi1sk',
            // Only an outbox item still pending: never a phantom item, never a second sentAt.
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#sentAt)',
            ExpressionAttributeNames: { '#sentAt': 'sentAt', '#expiresAt': 'expiresAt', '#gsi1pk': 'gsi1pk', '#gsi1sk': 'gsi1sk' },
            ExpressionAttributeValues: {
              ':at': at.toISOString(),
              ':expiresAt': Math.floor(at.getTime() / 1000) + OUTBOX_SENT_RETENTION_SECONDS,
            },
          }),
        );
        return 'marked';
      } catch (error) {
        if (isConditionalCheckFailed(error)) return 'alreadySent';
        throw error;
      }
    },
  };
}
