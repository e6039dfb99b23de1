import { GetCommand, PutCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { isConditionalCheckFailed } from './aws-errors.js';
import type { MessageReceipt, MessageReceipts } from './chat-ports.js';
import { messageReceiptKey } from './keys.js';
import { TTL_ATTRIBUTE } from './table-definition.js';
import { hasExpired, ttlAttribute } from './ttl.js';

/**
 * The first delivery of each chat message (issue 10, part 5). WeChat and WeCom redeliver a message they had no answer
 * to within 5 s, three times in about 15 s; a day is far beyond that and small next to what TTL removes.
 */
const RECEIPT_KEPT_MS = 24 * 60 * 60 * 1000;

const storedReceiptSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('processing'), receivedAt: z.string() }),
  z.object({ state: z.literal('answered'), receivedAt: z.string(), route: z.enum(['passive', 'push']), reply: z.string() }),
]);

export function createMessageReceipts(client: DynamoDBDocumentClient, tableName: string): MessageReceipts {
  return {
    async begin(platform, messageKey, now) {
      const key = messageReceiptKey(platform, messageKey);
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...key, entity: 'messageReceipt', state: 'processing', receivedAt: now.toISOString(), ...ttlAttribute(new Date(now.getTime() + RECEIPT_KEPT_MS)) },
            // A receipt past its day that TTL has not removed yet no longer counts.
            ConditionExpression: 'attribute_not_exists(pk) OR #ttl <= :now',
            ExpressionAttributeNames: { '#ttl': TTL_ATTRIBUTE },
            ExpressionAttributeValues: { ':now': Math.floor(now.getTime() / 1000) },
          }),
        );
        return null;
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
      // Gone between the two calls only if removed by TTL, which the condition had just judged alive: still a repeat.
      if (Item === undefined || hasExpired(Item, now)) return { state: 'processing', receivedAt: now.toISOString() };
      const receipt: MessageReceipt = storedReceiptSchema.parse(Item);
      return receipt;
    },

    async finish(platform, messageKey, answer) {
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: messageReceiptKey(platform, messageKey),
            UpdateExpression: 'SET #state = :answered, #route = :route, reply = :reply',
            // A receipt that expired meanwhile is not written back without its time and expiry.
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#state': 'state', '#route': 'route' },
            ExpressionAttributeValues: { ':answered': 'answered', ':route': answer.route, ':reply': answer.reply },
          }),
        );
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
    },
  };
}
