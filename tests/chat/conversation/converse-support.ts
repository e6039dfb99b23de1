import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import { converse, type ChatTurnResult } from '../../../functions/src/chat/conversation/converse.js';
import { createConversationDeps } from '../../../functions/src/chat/conversation/conversation-deps.js';
import type { ChatAddress } from '../../../functions/src/domain/chat.js';
import type { ChatBinding, ConversationState } from '../../../functions/src/store/ports.js';
import { startApiHarness, type ApiHarness } from '../../api/support/api-harness.js';
import { users, type SeededUser } from '../../api/support/seed-area.js';
import { AFTER_VISIT, postCheckIn } from '../../api/support/visits.js';

/**
 * The conversations over the API harness's table and composition (the real use cases and repositories); only the
 * binding helper's two seams record their calls.
 */
export async function startChat() {
  const h = await startApiHarness();
  h.setNow(AFTER_VISIT);
  const bindCalls: { address: ChatAddress; code: string }[] = [];
  const digestCalls: { address: ChatAddress; on: boolean }[] = [];
  const deps = createConversationDeps({
    repositories: h.deps.repositories,
    useCases: h.deps.useCases,
    concerns: h.deps.concerns,
    bind: async (address, code) => {
      bindCalls.push({ address, code });
      return { ok: true, userName: users.guardianA.name, role: 'guardian' };
    },
    setDigestToChat: async (address, on) => void digestCalls.push({ address, on }),
  });

  const addressOf = (who: SeededUser | null): ChatAddress => ({ platform: 'wechat', chatUserId: who ? `oa-${users[who].id}` : 'oa-stranger' });
  const bindingOf = (who: SeededUser): ChatBinding => ({
    ...addressOf(who),
    userId: users[who].id,
    boundAt: '2026-03-20T01:00:00.000Z',
    digestToChat: false,
  });

  /** One message from `who` (null: a chat user not bound to any account), with the state the caller kept. */
  function say(who: SeededUser | null, text: string, state: ConversationState | null = null): Promise<ChatTurnResult> {
    return converse(deps, { address: addressOf(who), binding: who ? bindingOf(who) : null, state, text, now: h.deps.clock() });
  }

  /** A check-in through the API, as the mini-program makes it; the clock moves on a minute so each is recorded later. */
  async function checkIn(as: SeededUser, childId: string, body: Record<string, unknown>) {
    const res = await postCheckIn(h, as, childId, body, randomUUID());
    expect(res.status, res.text).toBe(201);
    h.advanceSeconds(60);
    return res.body as { id: string; version: number };
  }

  return { h, deps, say, checkIn, addressOf, bindCalls, digestCalls };
}

export type Chat = Awaited<ReturnType<typeof startChat>>;

export function confirmationOf(h: ApiHarness, childId: string, visitId: string) {
  return h.table.repositories.visits.get(childId, visitId).then((visit) => visit?.confirmation);
}
