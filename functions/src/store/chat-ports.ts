import type { ChatAddress, ChatPlatform } from '../domain/chat.js';

/**
 * What the chat-bot (issue 10) keeps in the table, in its own words: bindings, one-time bind codes, conversations
 * under way and the receipts that make a redelivered message count once. The adapters are store/chat-*.ts; app/ and
 * chat/ reach them through store/ports.ts.
 */

/** A chat user bound to a Shouhu account with a one-time code shown in the mini-program. */
export interface ChatBinding extends ChatAddress {
  userId: string;
  boundAt: string;
  /** 提醒: the daily digest goes to this chat (issue 10, part 6). */
  digestToChat: boolean;
}

export interface ChatBindings {
  get(address: ChatAddress): Promise<ChatBinding | null>;
  /** An account's bindings (at most one per platform), for sending its digest to its chats. */
  listForUser(userId: string): Promise<ChatBinding[]>;
  /** No-op when the address is not bound. */
  setDigestToChat(address: ChatAddress, on: boolean): Promise<void>;
  /** Every binding with the digest turned on, from a sparse index that holds only those: one query for the day's sweep. */
  listDigestReaders(): Promise<ChatBinding[]>;
  /** The account removes its binding on a platform (both sides at once); false when it had none. */
  unbindUser(userId: string, platform: ChatPlatform): Promise<boolean>;
}

/** A code shown to a logged-in user in the mini-program (绑定公众号 / 绑定企业微信); short-lived and single-use. */
export interface BindCode {
  code: string;
  userId: string;
  platform: ChatPlatform;
  expiresAt: string;
}

export interface BindCodes {
  /**
   * Stores a new code, replacing the user's earlier unused code for the platform: false (nothing written) when the
   * code is held by another code still alive at `now`, so the caller draws another.
   */
  issue(code: BindCode, now: Date): Promise<boolean>;
  /**
   * Uses the code up and binds the address to its user, in one transaction: null when the code is unknown, expired,
   * used already or for the other platform. A chat user bound before is rebound; the account's earlier chat user on
   * this platform is unbound.
   */
  redeem(code: string, address: ChatAddress, now: Date): Promise<ChatBinding | null>;
}

/** Where a multi-step conversation stands (a concern report's second question, a dispute's reason). */
export interface ConversationState {
  topic: string;
  step: string;
  /** What the earlier steps collected; small strings only. */
  data: Record<string, string>;
  /** After this the conversation is forgotten (DynamoDB TTL removes it; reads ignore it before that). */
  expiresAt: string;
}

export interface Conversations {
  /** The chat user's conversation under way, or null (none, or expired at `now`). */
  get(address: ChatAddress, now: Date): Promise<ConversationState | null>;
  put(address: ChatAddress, state: ConversationState): Promise<void>;
  clear(address: ChatAddress): Promise<void>;
}

/** How a message was answered: in the callback's own answer, or afterwards through the platform's send API. */
export type ReplyRoute = 'passive' | 'push';

export type MessageReceipt =
  | { state: 'processing'; receivedAt: string }
  | { state: 'answered'; receivedAt: string; route: ReplyRoute; reply: string };

export interface MessageReceipts {
  /**
   * Records the first delivery of a message (its MsgId, or sender + CreateTime for an event): null then; on a
   * redelivery, the receipt stored by the first, so the message is processed once.
   */
  begin(platform: ChatPlatform, messageKey: string, now: Date): Promise<MessageReceipt | null>;
  finish(platform: ChatPlatform, messageKey: string, answer: { route: ReplyRoute; reply: string }): Promise<void>;
}
