import { randomBytes } from 'node:crypto';
import type { Env, Hono } from 'hono';
import type { Logger } from '../api/logger.js';
import { mountChatCallbacks } from '../api/routes/chat-callbacks.js';
import { bindChatUser } from '../app/bind-chat-user.js';
import { createConcernUseCases } from '../app/concern-use-cases.js';
import type { ChatConfig } from '../chat/chat-config.js';
import { converse } from '../chat/conversation/converse.js';
import { createConversationDeps } from '../chat/conversation/conversation-deps.js';
import { createConcernKeys } from './concern-keys.js';
import type { Runtime } from './runtime.js';

export interface ChatOptions {
  config: ChatConfig;
  /** The API's secret: concern reports made in a chat get tracking codes keyed like the mini-program's. */
  sessionSecret: string;
  logger: Logger;
  /** Milliseconds on a monotonic clock for the passive budget; performance.now unless a test moves time. */
  elapsedMs?: () => number;
}

/** The configured chat callbacks on `app` (the chat Lambda's app, or the local server's site), from the runtime. */
export function mountChat<E extends Env>(app: Hono<E>, runtime: Pick<Runtime, 'repositories' | 'useCases' | 'clock' | 'newId' | 'chatPush'>, options: ChatOptions): void {
  const { repositories, clock, newId } = runtime;
  const concerns = createConcernUseCases({ repositories, clock, newId, concernKeys: createConcernKeys(options.sessionSecret) });
  const conversationDeps = createConversationDeps({
    repositories,
    useCases: runtime.useCases,
    concerns,
    bind: async (address, code, now) => {
      const outcome = await bindChatUser(repositories, address, code, now);
      if (outcome.outcome === 'bound') return { ok: true, userName: outcome.userName, role: outcome.role };
      return { ok: false, reason: outcome.reason === 'rateLimited' ? 'rateLimited' : 'unknown' };
    },
    setDigestToChat: (address, on) => repositories.chatBindings.setDigestToChat(address, on),
  });
  mountChatCallbacks(app, [options.config.wechat, options.config.wecom], {
    receipts: repositories.messageReceipts,
    bindings: repositories.chatBindings,
    conversations: repositories.conversations,
    converse: (turn) => converse(conversationDeps, turn),
    push: runtime.chatPush,
    clock,
    elapsedMs: options.elapsedMs ?? (() => performance.now()),
    newNonce: () => randomBytes(8).toString('hex'),
    log: (event, fields) => options.logger.info(event, fields),
  });
}
