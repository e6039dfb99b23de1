import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ChatAddress } from '../domain/chat.js';
import { bindingFromItem, bindingItems } from './chat-binding-items.js';
import type { BindCodes, ChatBinding } from './chat-ports.js';
import { accountBindCodeKey, accountChatBindingKey, bindCodeKey, chatBindingKey, type PrimaryKey } from './keys.js';
import { sendTransaction, taggedTransaction, type TransactItems } from './transact.js';
import { ttlAttribute } from './ttl.js';

/**
 * One-time codes that bind a chat user to an account (issue 10, part 3). The code's item is found by the code the
 * chat user sends; the account's pointer names its one current code, so an earlier code stops working the moment a
 * new one is issued. Redeeming deletes both in the transaction that writes the binding: a code is used once even when
 * two chat users send it at the same moment.
 */
type Part = 'code' | 'binding';

/** A redemption that lost a race on the bindings (not on the code) reads them again; bounded. */
const MAX_TRIES = 3;

function bindingCondition(previous: ChatBinding | null, attribute: 'userId' | 'chatUserId') {
  return previous === null
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : { ConditionExpression: `${attribute} = :previous`, ExpressionAttributeValues: { ':previous': previous[attribute] } };
}

function deleteIf(tableName: string, key: PrimaryKey, attribute: string, value: string): TransactItems[number] {
  return {
    Delete: { TableName: tableName, Key: key, ConditionExpression: `${attribute} = :value`, ExpressionAttributeValues: { ':value': value } },
  };
}

export function createBindCodes(client: DynamoDBDocumentClient, tableName: string): BindCodes {
  const read = async (key: PrimaryKey) =>
    (await client.send(new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }))).Item ?? null;
  const readBinding = async (key: PrimaryKey) => {
    const item = await read(key);
    return item === null ? null : bindingFromItem(item);
  };

  /** The binding's transaction, from the code as read and both sides' bindings as they were. */
  async function bindingTransaction(codeItem: Record<string, unknown>, address: ChatAddress, now: Date) {
    const userId = String(codeItem.userId);
    const [previousOfChat, previousOfAccount] = await Promise.all([
      readBinding(chatBindingKey(address)),
      readBinding(accountChatBindingKey(userId, address.platform)),
    ]);
    const samePair = previousOfChat?.userId === userId;
    const binding: ChatBinding = {
      ...address,
      userId,
      boundAt: now.toISOString(),
      digestToChat: samePair && previousOfChat.digestToChat,
    };
    const items = bindingItems(binding);
    const stale: TransactItems = [];
    if (previousOfChat !== null && previousOfChat.userId !== userId) {
      stale.push(deleteIf(tableName, accountChatBindingKey(previousOfChat.userId, address.platform), 'chatUserId', address.chatUserId));
    }
    if (previousOfAccount !== null && previousOfAccount.chatUserId !== address.chatUserId) {
      stale.push(deleteIf(tableName, chatBindingKey(previousOfAccount), 'userId', userId));
    }
    const transaction = taggedTransaction<Part>([
      [
        'code',
        [
          {
            Delete: {
              TableName: tableName,
              Key: bindCodeKey(String(codeItem.code)),
              ConditionExpression: 'userId = :userId AND validUntil = :validUntil',
              ExpressionAttributeValues: { ':userId': userId, ':validUntil': codeItem.validUntil },
            },
          },
          deleteIf(tableName, accountBindCodeKey(userId, address.platform), 'code', String(codeItem.code)),
        ],
      ],
      [
        'binding',
        [
          { Put: { TableName: tableName, Item: items.chat, ...bindingCondition(previousOfChat, 'userId') } },
          { Put: { TableName: tableName, Item: items.account, ...bindingCondition(previousOfAccount, 'chatUserId') } },
          ...stale,
        ],
      ],
    ]);
    return { binding, transaction };
  }

  return {
    async issue(bindCode, now) {
      const validUntil = new Date(bindCode.expiresAt).toISOString();
      const fields = { code: bindCode.code, userId: bindCode.userId, platform: bindCode.platform, validUntil, ...ttlAttribute(validUntil) };
      const transaction = taggedTransaction<'code' | 'pointer'>([
        [
          'code',
          [
            {
              Put: {
                TableName: tableName,
                Item: { ...bindCodeKey(bindCode.code), entity: 'bindCode', ...fields },
                // A code whose time is up may be drawn again before TTL removes it.
                ConditionExpression: 'attribute_not_exists(pk) OR validUntil <= :now',
                ExpressionAttributeValues: { ':now': now.toISOString() },
              },
            },
          ],
        ],
        ['pointer', [{ Put: { TableName: tableName, Item: { ...accountBindCodeKey(bindCode.userId, bindCode.platform), entity: 'accountBindCode', ...fields } } }]],
      ]);
      try {
        await sendTransaction(client, transaction.items);
        return true;
      } catch (error) {
        if (transaction.failedParts(error).has('code')) return false;
        throw error;
      }
    },

    async redeem(code, address, now) {
      for (let tries = 1; ; tries += 1) {
        const codeItem = await read(bindCodeKey(code));
        if (codeItem === null || String(codeItem.validUntil) <= now.toISOString() || codeItem.platform !== address.platform) return null;
        const { binding, transaction } = await bindingTransaction(codeItem, address, now);
        try {
          await sendTransaction(client, transaction.items);
          return binding;
        } catch (error) {
          const failed = transaction.failedParts(error);
          // Used meanwhile by another chat user, or replaced by a newer code of the account.
          if (failed.has('code')) return null;
          if (!failed.has('binding') || tries >= MAX_TRIES) throw error;
        }
      }
    },
  };
}
