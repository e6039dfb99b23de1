import type { AnswerVisitRequest, VisitAnswered } from '../../app/answer-visit.js';
import type { OwnDue } from '../../app/list-own-due.js';
import type { PendingConfirmations } from '../../app/list-pending-confirmations.js';
import type { PublicReportReceived } from '../../app/report-public-concern.js';
import type { ChatAddress } from '../../domain/chat.js';
import type { Concern, PublicConcernInput, StaffConcernInput } from '../../domain/concern.js';
import type { Actor, Principal, Role, User } from '../../domain/user.js';

/** A village a report can go to, by the names people write. */
export interface VillageNamed {
  id: string;
  name: string;
}

export type BindOutcome = { ok: true; userName: string; role: Role } | { ok: false; reason: 'unknown' | 'rateLimited' };

/**
 * What the conversations (issue 10, part 4) call: the same use cases as the mini-program's routes, a few reads to
 * place a report, and the binding helper's two seams. chat/conversation/conversation-deps.ts wires the real ones.
 */
export interface ConversationDeps {
  /** The bound account; null when it has been removed since (the chat then gets the public functions only). */
  userOf(userId: string): Promise<User | null>;
  listPendingConfirmations(actor: Actor): Promise<PendingConfirmations>;
  answerVisit(principal: Principal, request: AnswerVisitRequest): Promise<VisitAnswered>;
  listOwnDue(actor: Actor, withinDays: number): Promise<OwnDue>;
  reportConcern(principal: Principal, input: StaffConcernInput, idempotencyKey: string): Promise<Concern>;
  reportPublicConcern(input: PublicConcernInput, idempotencyKey: string): Promise<PublicReportReceived>;
  /** The villages whose name the words contain (东湾村3组 → 东湾村), narrowed by a town named in them when several. */
  findVillagesNamedIn(words: string): Promise<VillageNamed[]>;
  /** Where a signed-up reporter's report goes when their words name no village: a director's village, a guardian's child's. */
  homeVillageOf(user: User): Promise<VillageNamed | null>;
  /** Redeems a one-time code shown in the mini-program (the binding helper, issue 10 part 3). */
  bind(address: ChatAddress, code: string, now: Date): Promise<BindOutcome>;
  /** 提醒 / 提醒关: the daily digest to this chat or not (issue 10 part 6). */
  setDigestToChat(address: ChatAddress, on: boolean): Promise<void>;
}
