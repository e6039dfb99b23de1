import { disputeReasonNames } from '../../domain/labels.js';
import { NotFoundError, VersionConflictError } from '../../domain/errors.js';
import { actorOf, type User } from '../../domain/user.js';
import { confirmVisitInputSchema, type DisputeReason } from '../../domain/visit.js';
import type { ConversationState } from '../../store/ports.js';
import { asking, ended, type Answer, type Speaker } from './conversation-state.js';
import type { ConversationDeps } from './conversation-ports.js';
import { normalize } from './normalize.js';
import { visitWords } from './words.js';

export const DISPUTE_TOPIC = 'dispute';

/** The mini-program's dispute page's reasons, numbered; 其他 is told in the guardian's own words. */
const numberedReasons: Record<string, DisputeReason> = { '1': 'notVisited', '2': 'wrongTime', '3': 'wrongPeople' };
const OTHER_CHOICE = '4';
const NOTE_MAX = 500;

const NOTHING_PENDING = '现在没有要您确认的走访。谢谢！';
const ALREADY_ANSWERED = '这次走访已经答复过了，或者登记人已撤回，不用再答复。';

function principalOf(user: User) {
  return { userId: user.id, role: user.role };
}

function remainingWords(remaining: number): string {
  return remaining > 0 ? `\n还有 ${remaining} 次走访等您确认，回复 1 确认下一次，回复 2 说明不对。` : '';
}

/**
 * 确认 / 1 (issue 10): confirms the newest of the guardian's own pending visits. The list is the guardian's own (the
 * use case reads only their children), and the answer goes through the mini-program's use case, which checks again.
 */
export async function confirmNewest(deps: ConversationDeps, speaker: Speaker & { user: User }): Promise<Answer> {
  const { items, participantNames } = await deps.listPendingConfirmations(actorOf(speaker.user));
  const newest = items[0];
  if (!newest) return ended(NOTHING_PENDING);
  const { visit } = newest;
  try {
    await deps.answerVisit(principalOf(speaker.user), {
      childId: visit.childId,
      visitId: visit.id,
      input: { decision: 'confirm', reasons: [], note: '', version: visit.version },
    });
  } catch (error) {
    if (error instanceof VersionConflictError || error instanceof NotFoundError) return ended(ALREADY_ANSWERED);
    throw error;
  }
  return ended(`已确认：${visitWords(visit, participantNames)}。谢谢！${remainingWords(items.length - 1)}`);
}

/** 没来 / 2: names the newest pending visit and asks the one follow-up question, the reason. */
export async function startDispute(deps: ConversationDeps, speaker: Speaker & { user: User }): Promise<Answer> {
  const { items, participantNames } = await deps.listPendingConfirmations(actorOf(speaker.user));
  const newest = items[0];
  if (!newest) return ended(NOTHING_PENDING);
  const { visit } = newest;
  const question = [
    `是这一次吗：${visitWords(visit, participantNames)}。`,
    '哪里不对？请回复数字：',
    `1 ${disputeReasonNames.notVisited}`,
    `2 ${disputeReasonNames.wrongTime}`,
    `3 ${disputeReasonNames.wrongPeople}`,
    `4 ${disputeReasonNames.other}（也可以直接写明情况）`,
    '回复“取消”不提交。',
  ].join('\n');
  const data = { childId: visit.childId, visitId: visit.id, version: String(visit.version), when: visitWords(visit, participantNames) };
  return asking(question, DISPUTE_TOPIC, 'reason', data, speaker.now);
}

/** The answer to the follow-up: a number, or the guardian's own words (then the reason is 其他 with them as the note). */
export async function continueDispute(deps: ConversationDeps, speaker: Speaker & { user: User }, state: ConversationState, text: string): Promise<Answer> {
  const said = normalize(text);
  if (said === OTHER_CHOICE) return asking('请直接写明是什么情况。', DISPUTE_TOPIC, 'note', state.data, speaker.now);
  const reason: DisputeReason = state.step === 'reason' ? (numberedReasons[said] ?? 'other') : 'other';
  const note = reason === 'other' ? text.trim().slice(0, NOTE_MAX) : '';
  if (reason === 'other' && note === '') return asking('请直接写明是什么情况。', DISPUTE_TOPIC, 'note', state.data, speaker.now);
  const { childId, visitId, version, when } = state.data;
  // Validated as the route validates the mini-program's answer.
  const input = confirmVisitInputSchema.safeParse({ decision: 'dispute', reasons: [reason], note, version: Number(version) });
  if (!input.success) return asking('请用几句话写明是什么情况。', DISPUTE_TOPIC, 'note', state.data, speaker.now);
  try {
    await deps.answerVisit(principalOf(speaker.user), { childId, visitId, input: input.data });
  } catch (error) {
    if (error instanceof VersionConflictError || error instanceof NotFoundError) return ended(ALREADY_ANSWERED);
    throw error;
  }
  const { items } = await deps.listPendingConfirmations(actorOf(speaker.user));
  const reasonWords = reason === 'other' ? note : disputeReasonNames[reason];
  return ended(`已提交：${when}，${reasonWords}。镇（街道）儿童督导员会核实。${remainingWords(items.length)}`);
}
