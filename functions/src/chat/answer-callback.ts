import type { ChatAddress } from '../domain/chat.js';
import type { ChatPush } from '../notify/chat-push.js';
import type { ChatBindings, Conversations, MessageReceipts } from '../store/ports.js';
import type { ChatPlatformConfig } from './chat-config.js';
import type { ChatTurn, ChatTurnResult } from './conversation/converse.js';
import { openCallback, sealReply, type CallbackCredentials, type CallbackQuery } from './protocol/callback-envelope.js';
import { toInboundMessage, type InboundMessage } from './protocol/inbound-message.js';
import { textReplyFields } from './protocol/passive-reply.js';

/**
 * One message pushed by the Official Account or WeCom, from its verified body to the answer (issue 10, part 5).
 *
 * WeChat waits 5 s for the answer and delivers the message again (up to three times) when none came. So:
 * - the message's receipt is written before anything else: a redelivery is processed once; while the first delivery
 *   is still at work it is answered `success` (nothing), and once that one answered, with the same answer if it was
 *   passive (WeChat asked again, so it did not get it) or with nothing if it was pushed;
 * - the conversation runs to its end, however long that takes; within PASSIVE_BUDGET_MS the answer is the callback's
 *   own reply, later it goes through the send API and the callback answers `success`. Nothing is left running after
 *   the answer, which a Lambda would freeze.
 */
export const PASSIVE_BUDGET_MS = 4_000;

export interface ChatCallbackDeps {
  config: ChatPlatformConfig;
  receipts: MessageReceipts;
  bindings: Pick<ChatBindings, 'get'>;
  conversations: Conversations;
  converse: (turn: ChatTurn) => Promise<ChatTurnResult>;
  push: Pick<ChatPush, 'send'>;
  clock: () => Date;
  /** Milliseconds on a monotonic clock (performance.now), for the passive budget. */
  elapsedMs: () => number;
  newNonce: () => string;
  /** Logs by kind only: never a message's text, never a chat user's id. */
  log: (event: string, fields: Record<string, string | number>) => void;
}

/** The empty answer each platform reads as "no reply". */
const NOTHING = { wechat: 'success', wecom: '' } as const;

const SORRY = '抱歉，系统暂时出了点问题，请过一会儿再发一次。';

export function credentialsOf(config: ChatPlatformConfig): CallbackCredentials {
  return { platform: config.platform, token: config.token, encodingAesKey: config.encodingAesKey, receiverId: config.receiverId };
}

/** What the person said, as the conversations read it; null when the message asks for no answer. */
function textOf(message: InboundMessage): string | null {
  if (message.kind === 'text') return message.text ?? '';
  // A new follower (subscribe) and a WeCom user opening the app's chat (enter_agent) get the menu.
  if (message.kind === 'event') return message.event === 'subscribe' ? '帮助' : null;
  // Pictures, voice, locations: the bot reads text only, and says so through the menu.
  return '';
}

export async function answerCallback(deps: ChatCallbackDeps, query: CallbackQuery, body: string): Promise<string> {
  const started = deps.elapsedMs();
  const now = deps.clock();
  const credentials = credentialsOf(deps.config);
  const { fields, encrypted } = openCallback(credentials, query, body, now);
  const message = toInboundMessage(deps.config.platform, fields);
  const nothing = NOTHING[deps.config.platform];
  const seal = (reply: string) =>
    sealReply(credentials, textReplyFields({ to: message.from, from: message.to, createTime: Math.floor(deps.clock().getTime() / 1000), content: reply }), encrypted, deps.clock(), deps.newNonce());

  const earlier = await deps.receipts.begin(deps.config.platform, message.dedupeKey, now);
  if (earlier !== null) {
    deps.log('chat redelivery', { platform: deps.config.platform, state: earlier.state });
    // An event answered with nothing (reply '') is answered with nothing again.
    return earlier.state === 'answered' && earlier.route === 'passive' && earlier.reply !== '' ? seal(earlier.reply) : nothing;
  }

  const text = textOf(message);
  if (text === null) {
    await deps.receipts.finish(deps.config.platform, message.dedupeKey, { route: 'passive', reply: '' });
    return nothing;
  }
  const address: ChatAddress = { platform: deps.config.platform, chatUserId: message.from };
  const reply = await converseSafely(deps, address, text, now);

  if (deps.elapsedMs() - started < PASSIVE_BUDGET_MS) {
    await deps.receipts.finish(deps.config.platform, message.dedupeKey, { route: 'passive', reply });
    return seal(reply);
  }
  const outcome = await deps.push.send(address, reply);
  deps.log('chat answer pushed', { platform: deps.config.platform, outcome, ms: Math.round(deps.elapsedMs() - started) });
  await deps.receipts.finish(deps.config.platform, message.dedupeKey, { route: 'push', reply });
  return nothing;
}

/** A failure inside the conversation is the bot's, not the person's: they get an apology, the log gets its kind. */
async function converseSafely(deps: ChatCallbackDeps, address: ChatAddress, text: string, now: Date): Promise<string> {
  try {
    const [binding, state] = await Promise.all([deps.bindings.get(address), deps.conversations.get(address, now)]);
    const result = await deps.converse({ address, binding, state, text, now });
    if (result.state === null) {
      if (state !== null) await deps.conversations.clear(address);
    } else {
      await deps.conversations.put(address, result.state);
    }
    return result.reply;
  } catch (error) {
    deps.log('chat conversation failed', { platform: deps.config.platform, error: error instanceof Error ? error.name : 'unknown' });
    return SORRY;
  }
}
