import { z } from 'zod';
import type { ChatBinding } from './chat-ports.js';
import { accountChatBindingKey, chatBindingKey } from './keys.js';
import type { TransactItems } from './transact.js';

/**
 * A binding is two items kept equal by transactions: the chat user's (found from a message's sender) and the
 * account's (an account's chats in one query). Every change conditions on what it read of both, so two changes
 * racing cannot leave one side pointing at a chat or an account the other side no longer names.
 */
const storedBindingSchema = z.object({
  platform: z.enum(['wechat', 'wecom']),
  chatUserId: z.string().min(1),
  userId: z.string().min(1),
  boundAt: z.string().min(1),
  digestToChat: z.boolean(),
});

export function bindingFromItem(item: Record<string, unknown>): ChatBinding {
  return storedBindingSchema.parse(item);
}

export function bindingItems(binding: ChatBinding): { chat: Record<string, unknown>; account: Record<string, unknown> } {
  const fields = storedBindingSchema.parse(binding);
  return {
    chat: { ...chatBindingKey(binding), entity: 'chatBinding', ...fields },
    account: { ...accountChatBindingKey(binding.userId, binding.platform), entity: 'accountChatBinding', ...fields },
  };
}

/** Removes both items of `binding`, provided each still names the other. */
export function deleteBinding(tableName: string, binding: ChatBinding): TransactItems {
  return [
    {
      Delete: {
        TableName: tableName,
        Key: chatBindingKey(binding),
        ConditionExpression: 'userId = :userId',
        ExpressionAttributeValues: { ':userId': binding.userId },
      },
    },
    {
      Delete: {
        TableName: tableName,
        Key: accountChatBindingKey(binding.userId, binding.platform),
        ConditionExpression: 'chatUserId = :chatUserId',
        ExpressionAttributeValues: { ':chatUserId': binding.chatUserId },
      },
    },
  ];
}
