import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ChatAddress } from '../domain/chat.js';
import { failedConditionIndexes } from './aws-errors.js';
import { bindingFromItem, deleteBinding } from './chat-binding-items.js';
import type { ChatBinding, ChatBindings } from './chat-ports.js';
import { ACCOUNT_CHAT_BINDING_PREFIX, CHAT_DIGESTS_PARTITION, accountChatBindingKey, chatBindingKey, chatDigestIndexKey, userKey } from './keys.js';
import { prefixQuery, queryItems } from './query-items.js';
import { sendTransaction, type TransactItems } from './transact.js';

function digestIndexValues(binding: ChatBinding): Record<string, string> {
  const { gsi1pk, gsi1sk } = chatDigestIndexKey(binding.userId, binding.platform);
  return { ':gsi1pk': gsi1pk, ':gsi1sk': gsi1sk };
}

/** Read, then changed under the condition that it is still as read: a lost race reads again (bounded). */
const MAX_TRIES = 3;

export function createChatBindings(client: DynamoDBDocumentClient, tableName: string): ChatBindings {
  const read = async (key: { pk: string; sk: string }): Promise<ChatBinding | null> => {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }));
    return Item === undefined ? null : bindingFromItem(Item);
  };

  /** Runs `change` on the binding read by `key` until no concurrent change got in between. */
  const changeBinding = async (key: { pk: string; sk: string }, change: (binding: ChatBinding) => TransactItems) => {
    for (let tries = 1; ; tries += 1) {
      const binding = await read(key);
      if (binding === null) return false;
      try {
        await sendTransaction(client, change(binding));
        return true;
      } catch (error) {
        if (failedConditionIndexes(error).length === 0 || tries >= MAX_TRIES) throw error;
      }
    }
  };

  return {
    get: (address: ChatAddress) => read(chatBindingKey(address)),

    async listForUser(userId) {
      const items = await queryItems(client, tableName, prefixQuery(userKey(userId).pk, ACCOUNT_CHAT_BINDING_PREFIX, { consistentRead: true }));
      return items.map(bindingFromItem);
    },

    async setDigestToChat(address, on) {
      await changeBinding(chatBindingKey(address), (binding) => [
        {
          Update: {
            TableName: tableName,
            Key: chatBindingKey(binding),
            UpdateExpression: 'SET digestToChat = :on',
            ConditionExpression: 'userId = :userId',
            ExpressionAttributeValues: { ':on': on, ':userId': binding.userId },
          },
        },
        {
          Update: {
            TableName: tableName,
            Key: accountChatBindingKey(binding.userId, binding.platform),
            // The account's side enters the sparse digest index while the digest goes to this chat.
            UpdateExpression: on ? 'SET digestToChat = :on, gsi1pk = :gsi1pk, gsi1sk = :gsi1sk' : 'SET digestToChat = :on REMOVE gsi1pk, gsi1sk',
            ConditionExpression: 'chatUserId = :chatUserId',
            ExpressionAttributeValues: {
              ':on': on,
              ':chatUserId': binding.chatUserId,
              ...(on ? digestIndexValues(binding) : {}),
            },
          },
        },
      ]);
    },

    async listDigestReaders() {
      const items = await queryItems(client, tableName, prefixQuery(CHAT_DIGESTS_PARTITION, '', { index: 'gsi1' }));
      return items.map(bindingFromItem);
    },

    unbindUser: (userId, platform) => changeBinding(accountChatBindingKey(userId, platform), (binding) => deleteBinding(tableName, binding)),
  };
}
