import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inboxMessageSchema, type InboxMessage } from '../domain/inbox.js';
import { isConditionalCheckFailed } from './aws-errors.js';
import { INBOX_MESSAGE_PREFIX, inboxMessageKey, inboxPartition, stripKeys } from './keys.js';
import type { InboxOwner, InboxRepository } from './ports.js';
import { prefixQuery, queryItems } from './query-items.js';

export function inboxItem(owner: InboxOwner, message: InboxMessage): Record<string, unknown> {
  return { ...inboxMessageKey(owner, message.id), entity: 'inboxMessage', owner, ...inboxMessageSchema.parse(message) };
}

function messageFromItem(item: Record<string, unknown>): InboxMessage {
  const { owner: _owner, ...message } = stripKeys(item);
  return inboxMessageSchema.parse(message);
}

/**
 * The in-app inbox: one partition per person, one per town for messages about children without a team, one per
 * village for its directors.
 */
export function createInboxRepository(client: DynamoDBDocumentClient, tableName: string): InboxRepository {
  return {
    async list(owners, limit) {
      const pages = await Promise.all(
        owners.map((owner) =>
          queryItems(client, tableName, prefixQuery(inboxPartition(owner), INBOX_MESSAGE_PREFIX, { newestFirst: true, limit, consistentRead: true })),
        ),
      );
      // Message ids sort by time, so merging the inboxes is a sort on the id.
      return pages
        .flat()
        .map(messageFromItem)
        .sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0))
        .slice(0, limit);
    },

    async markRead(owners, messageId, at) {
      // The copies of one message in the reader's inboxes share its id (a director who recorded the visit has it as
      // its author and as the village's director): each is marked, together.
      const marked = await Promise.all(
        owners.map(async (owner) => {
          try {
            await client.send(
              new UpdateCommand({
                TableName: tableName,
                Key: inboxMessageKey(owner, messageId),
                UpdateExpression: 'SET readAt = :at',
                ConditionExpression: 'attribute_exists(pk)',
                ExpressionAttributeValues: { ':at': at.toISOString() },
              }),
            );
            return true;
          } catch (error) {
            if (!isConditionalCheckFailed(error)) throw error;
            return false;
          }
        }),
      );
      return marked.includes(true);
    },
  };
}
