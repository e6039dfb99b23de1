import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { InboxDelivery } from './event-ports.js';
import { inboxItem } from './inbox-repository.js';
import { processedEventPut } from './processed-events.js';
import { sendTransaction, taggedTransaction } from './transact.js';

/**
 * The inbox channel's writes for event consumers: the messages and the processed record in one transaction, so an
 * event delivered twice (or twice at once) leaves one set of messages. A concurrent twin either loses the
 * transaction's condition or conflicts and, retried by sendTransaction, then loses the condition.
 */
export function createInboxDelivery(client: DynamoDBDocumentClient, tableName: string): InboxDelivery {
  return {
    async deliverOnce(receipt, messages) {
      const transaction = taggedTransaction<'processed' | 'inbox'>([
        ['processed', [processedEventPut(tableName, receipt)]],
        [
          'inbox',
          messages.map(({ owner, message }) => ({
            Put: { TableName: tableName, Item: inboxItem(owner, message), ConditionExpression: 'attribute_not_exists(pk)' },
          })),
        ],
      ]);
      try {
        await sendTransaction(client, transaction.items);
        return 'delivered';
      } catch (error) {
        if (transaction.failedParts(error).has('processed')) return 'duplicate';
        throw error;
      }
    },
  };
}
