import type { ApiCall } from './client';
import type { BindCodeView, ChatBindingView, ChatPlatform } from './chat-binding-types';

/** Issue 10, part 3: the signed-in account's chats on the Official Account and WeCom. */
export interface ChatBindingsApi {
  /** A new code replaces the account's earlier unused code for the platform. */
  issueBindCode(platform: ChatPlatform): Promise<BindCodeView>;
  chatBindings(): Promise<ChatBindingView[]>;
  unbindChat(platform: ChatPlatform): Promise<void>;
}

export function chatBindingCalls(send: ApiCall): ChatBindingsApi {
  return {
    issueBindCode: (platform) => send({ method: 'POST', path: '/me/chat-bind-codes', body: { platform } }),
    chatBindings: () => send<{ items: ChatBindingView[] }>({ method: 'GET', path: '/me/chat-bindings' }).then(({ items }) => items),
    unbindChat: async (platform) => {
      await send<unknown>({ method: 'DELETE', path: `/me/chat-bindings/${platform}` });
    },
  };
}
