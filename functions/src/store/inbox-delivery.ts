import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionalCheckFailed } from './aws-errors.js';
import type { InboxDelivery } from './event-ports.js';
import { inboxItem } from './inbox-repository.js';
import { processedEventPut } from './processed-events.js';
import { sendTransaction, taggedTransaction } from './transact.js';

const DELIVER_NEW_CONCURRENCY = 10;

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

    async deliverNew(messages) {
      const put = async ({ owner, message }: (typeof messages)[number]) => {
        try {
          await client.send(new PutCommand({ TableName: tableName, Item: inboxItem(owner, message), ConditionExpression: 'attribute_not_exists(pk)' }));
          return 1;
        } catch (error) {
          if (isConditionalCheckFailed(error)) return 0;
          throw error;
        }
      };
      let delivered = 0;
      // A few at a time: a job's run reaches every worker of the area, which must not become one burst of requests.
      for (let start = 0; start < messages.length; start += DELIVER_NEW_CONCURRENCY) {
        const outcomes = await Promise.all(messages.slice(start, start + DELIVER_NEW_CONCURRENCY).map(put));
        delivered += outcomes.reduce<number>((sum, n) => sum + n, 0);
      }
      return delivered;
    },
  };
}
