import { DeleteCommand, GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import type { Conversations, ConversationState } from './chat-ports.js';
import { conversationKey } from './keys.js';
import { ttlAttribute } from './ttl.js';

/** A chat user's conversation under way (issue 10): one item beside their binding, replaced by each step. */
const storedStateSchema = z.object({
  topic: z.string().min(1),
  step: z.string().min(1),
  data: z.record(z.string(), z.string()),
  validUntil: z.string().min(1),
});

export function createConversations(client: DynamoDBDocumentClient, tableName: string): Conversations {
  return {
    async get(address, now) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: conversationKey(address), ConsistentRead: true }));
      if (Item === undefined) return null;
      const stored = storedStateSchema.parse(Item);
      // TTL removes the item up to days late: an expired conversation must not be continued meanwhile.
      if (stored.validUntil <= now.toISOString()) return null;
      const state: ConversationState = { topic: stored.topic, step: stored.step, data: stored.data, expiresAt: stored.validUntil };
      return state;
    },

    async put(address, state) {
      const validUntil = new Date(state.expiresAt).toISOString();
      await client.send(
        new PutCommand({
          TableName: tableName,
          Item: { ...conversationKey(address), entity: 'conversation', topic: state.topic, step: state.step, data: state.data, validUntil, ...ttlAttribute(validUntil) },
        }),
      );
    },

    async clear(address) {
      await client.send(new DeleteCommand({ TableName: tableName, Key: conversationKey(address) }));
    },
  };
}
