import type { ChatAddress } from '../../domain/chat.js';
import type { User } from '../../domain/user.js';
import type { ChatBinding, ConversationState } from '../../store/ports.js';
import { continueReport, REPORT_TOPIC, startReport } from './concern-report.js';
import { ended, liveState, type Answer, type Speaker } from './conversation-state.js';
import type { ConversationDeps } from './conversation-ports.js';
import { dueList } from './due-lists.js';
import { confirmNewest, continueDispute, DISPUTE_TOPIC, startDispute } from './guardian-visits.js';
import { pledgeAnswer, safetyTips } from './information.js';
import { intentOf, type Intent } from './intents.js';
import { CALL_110, HOW_TO_BIND, isWorker, menuFor } from './menus.js';

export interface ChatTurn {
  address: ChatAddress;
  binding: ChatBinding | null;
  state: ConversationState | null;
  text: string;
  now: Date;
}

export interface ChatTurnResult {
  reply: string;
  /** The conversation under way after this turn, for the caller to save; null: nothing under way (caller clears). */
  state: ConversationState | null;
}

/**
 * One message in, one answer out (issue 10, part 4). The caller loads the binding and the conversation state and
 * saves what comes back; everything the person may do goes through the mini-program's use cases, which decide
 * access, so this code only picks among what those use cases return for this person.
 */
export async function converse(deps: ConversationDeps, turn: ChatTurn): Promise<ChatTurnResult> {
  const intent = intentOf(turn.text);
  const user = turn.binding ? await deps.userOf(turn.binding.userId) : null;
  const speaker: Speaker = { address: turn.address, user, now: turn.now };
  const state = liveState(turn.state, turn.now);
  if (intent.kind === 'cancel') return ended(state ? '好的，已取消。' : `现在没有进行中的事。\n${menuFor(user?.role ?? null)}`);
  if (state && intent.kind === 'menu') return { reply: `${topicWords(state)}，请回答上面的问题。\n回复“取消”可以退出。`, state };
  if (state && intent.kind !== 'bind') {
    const continued = await continueConversation(deps, speaker, state, turn.text);
    if (continued) return continued;
  }
  return answerIntent(deps, speaker, intent);
}

function topicWords(state: ConversationState): string {
  return state.topic === REPORT_TOPIC ? '您正在报告孩子的情况' : '您正在说明走访哪里不对';
}

/** The answer to the question asked last; null when the state belongs to nobody who can go on (then start afresh). */
async function continueConversation(deps: ConversationDeps, speaker: Speaker, state: ConversationState, text: string): Promise<Answer | null> {
  if (state.topic === REPORT_TOPIC) return continueReport(deps, speaker, state, text);
  if (state.topic === DISPUTE_TOPIC && speaker.user?.role === 'guardian') return continueDispute(deps, { ...speaker, user: speaker.user }, state, text);
  return null;
}

async function answerIntent(deps: ConversationDeps, speaker: Speaker, intent: Intent): Promise<Answer> {
  const { user } = speaker;
  switch (intent.kind) {
    case 'bind':
      return bindChat(deps, speaker, intent.code);
    case 'report':
      return startReport(speaker);
    case 'police':
      return ended(`请立即拨打110！\n报警后，如需让村里的儿童主任知道，回复“报告”。`);
    case 'safety':
      return safetyTips();
    case 'pledge':
      return pledgeAnswer(user);
    default:
      return user ? answerAccount(deps, { ...speaker, user }, intent) : ended(menuFor(null));
  }
}

/** What only a bound account may do; anything else, or not theirs to do, gets the menu of their role. */
async function answerAccount(deps: ConversationDeps, speaker: Speaker & { user: User }, intent: Intent): Promise<Answer> {
  const { user, address } = speaker;
  if (user.role === 'guardian' && intent.kind === 'confirm') return confirmNewest(deps, speaker);
  if (user.role === 'guardian' && intent.kind === 'dispute') return startDispute(deps, speaker);
  if (isWorker(user.role) && (intent.kind === 'today' || intent.kind === 'week')) return dueList(deps, user, intent.kind);
  if (intent.kind === 'digestOn') {
    await deps.setDigestToChat(address, true);
    return ended('好的，以后每天的提醒会发到这里。\n回复“提醒关”可以不再发到这里。');
  }
  if (intent.kind === 'digestOff') {
    await deps.setDigestToChat(address, false);
    return ended('好的，每天的提醒不再发到这里。\n回复“提醒”可以重新打开。');
  }
  return ended(menuFor(user.role));
}

async function bindChat(deps: ConversationDeps, speaker: Speaker, code: string): Promise<Answer> {
  const outcome = await deps.bind(speaker.address, code, speaker.now);
  if (outcome.ok) return ended(`绑定成功！${outcome.userName}，${menuFor(outcome.role)}`);
  if (outcome.reason === 'rateLimited') return ended('试的次数太多了，请过一会儿再试。');
  return ended(`绑定码不对或已过期。\n${HOW_TO_BIND}\n${CALL_110}`);
}
