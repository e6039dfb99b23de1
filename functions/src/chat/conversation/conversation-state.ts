import type { ChatAddress } from '../../domain/chat.js';
import type { User } from '../../domain/user.js';
import type { ConversationState } from '../../store/ports.js';

/** A question left unanswered this long is forgotten: the next message starts afresh. */
export const CONVERSATION_MINUTES = 30;

/** Who is writing: their chat, their account when bound (null: the public functions only), and the time. */
export interface Speaker {
  address: ChatAddress;
  user: User | null;
  now: Date;
}

export interface Answer {
  reply: string;
  /** The conversation still under way after this answer; null when it ended or none began. */
  state: ConversationState | null;
}

export function ended(reply: string): Answer {
  return { reply, state: null };
}

/** The next question's state, valid for CONVERSATION_MINUTES from now. */
export function asking(reply: string, topic: string, step: string, data: Record<string, string>, now: Date): Answer {
  const expiresAt = new Date(now.getTime() + CONVERSATION_MINUTES * 60_000).toISOString();
  return { reply, state: { topic, step, data, expiresAt } };
}

/** The state as the caller loaded it, unless it has expired (TTL deletes late, so a read may still return it). */
export function liveState(state: ConversationState | null, now: Date): ConversationState | null {
  if (state === null) return null;
  return Date.parse(state.expiresAt) > now.getTime() ? state : null;
}
