import { BIND_CODE_PATTERN, normaliseBindCode, type ChatAddress } from '../domain/chat.js';
import type { Role } from '../domain/user.js';
import type { ChatBinding } from '../store/ports.js';
import type { BindChatUserPorts } from './chat-bind-ports.js';

/** Six digits are a million codes: five tries per chat user in ten minutes keep guessing hopeless. */
export const BIND_ATTEMPTS = 5;
export const BIND_WINDOW_SECONDS = 10 * 60;

export type ChatBindOutcome =
  | { outcome: 'bound'; bound: ChatBinding; userName: string; role: Role }
  /** Unknown, expired, used already, replaced by a newer code, or for the other platform: told apart for nobody. */
  | { outcome: 'refused'; reason: 'invalidCode' }
  | { outcome: 'refused'; reason: 'rateLimited'; retryAfterSeconds: number };

/**
 * The chat user sends the code the mini-program showed (绑定 123456) and is bound to its account (issue 10, part 3).
 * Every try counts against the chat user's allowance, a right one too, so a wrong guess cannot be told from a
 * refused one by how it is counted.
 */
export async function bindChatUser(ports: BindChatUserPorts, address: ChatAddress, typedCode: string, now: Date): Promise<ChatBindOutcome> {
  const limit = await ports.rateLimiter.hit(`chatBind:${address.platform}:${address.chatUserId}`, BIND_ATTEMPTS, BIND_WINDOW_SECONDS, now);
  if (!limit.allowed) return { outcome: 'refused', reason: 'rateLimited', retryAfterSeconds: Math.max(1, Math.ceil(limit.retryAfterSeconds)) };
  const code = normaliseBindCode(typedCode);
  if (!BIND_CODE_PATTERN.test(code)) return { outcome: 'refused', reason: 'invalidCode' };
  const bound = await ports.bindCodes.redeem(code, address, now);
  if (bound === null) return { outcome: 'refused', reason: 'invalidCode' };
  const user = (await ports.records.read({ users: [bound.userId] })).users.get(bound.userId);
  // The account was removed after it drew the code: the binding leads nowhere, so it is not reported as made.
  if (user === undefined) return { outcome: 'refused', reason: 'invalidCode' };
  return { outcome: 'bound', bound, userName: user.name, role: user.role };
}
