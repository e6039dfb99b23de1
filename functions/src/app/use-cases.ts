import type { AuditEntry } from '../domain/audit.js';
import type { AssignTeamInput, Child, CreateChildInput, UpdateChildInput } from '../domain/child.js';
import type { ChildListFilter } from '../domain/child-list-filter.js';
import type { Actor, Principal } from '../domain/user.js';
import type { Repositories } from '../store/ports.js';
import { answerVisit, type AnswerVisitRequest, type VisitAnswered } from './answer-visit.js';
import { assignTeam } from './assign-team.js';
import { changePolicy, type PolicyChange, type PolicyChanged } from './change-policy.js';
import { checkIn, type CheckInOutcome, type CheckInRequest } from './check-in.js';
import { countUnreadMessages } from './count-unread-messages.js';
import { villagesToFilterBy, type FilterVillage } from './filter-villages.js';
import { importChild } from './import-child.js';
import { countChildren, listChildren, type ChildListRequest, type ChildrenListed } from './list-children.js';
import { listInbox, type InboxList } from './list-inbox.js';
import { listOwnDue, type OwnDue } from './list-own-due.js';
import { listPendingConfirmations, type PendingConfirmations } from './list-pending-confirmations.js';
import { markMessageRead } from './mark-message-read.js';
import { previewPolicy, type PolicyPreview } from './preview-policy.js';
import type { Basics } from './ports.js';
import { readChild, type ChildRead } from './read-child.js';
import { registerChild, type ChildWritten } from './register-child.js';
import { updateChild } from './update-child.js';
import { correctVisit, type CorrectVisitRequest } from './correct-visit.js';
import { readVisit, type VisitAddress } from './read-visit.js';
import { settleDispute, type SettleDisputeRequest } from './settle-dispute.js';
import type { VisitDetail } from './visit-detail.js';
import { withdrawVisit, type WithdrawVisitRequest } from './withdraw-visit.js';

/**
 * The use cases with their ports bound, as the composition root hands them to the entries: the API's routes, and
 * later the event consumers, the scheduled jobs and the chat-bot, each taking what it calls.
 */
export interface UseCases {
  readChild(principal: Principal, childId: string): Promise<ChildRead>;
  listChildren(principal: Principal, request: ChildListRequest): Promise<ChildrenListed>;
  countChildren(principal: Principal, filter: ChildListFilter): Promise<number>;
  villagesToFilterBy(principal: Principal): Promise<FilterVillage[]>;
  registerChild(principal: Principal, input: CreateChildInput): Promise<ChildWritten>;
  updateChild(principal: Principal, childId: string, input: UpdateChildInput): Promise<ChildWritten>;
  assignTeam(principal: Principal, childId: string, input: AssignTeamInput): Promise<ChildWritten>;
  checkIn(principal: Principal, request: CheckInRequest): Promise<CheckInOutcome>;
  answerVisit(principal: Principal, request: AnswerVisitRequest): Promise<VisitAnswered>;
  /** The actor was read for this request already (the session's, or the chat binding's account). */
  listPendingConfirmations(actor: Actor): Promise<PendingConfirmations>;
  listOwnDue(actor: Actor, withinDays: number): Promise<OwnDue>;
  readVisit(principal: Principal, address: VisitAddress): Promise<VisitDetail>;
  settleDispute(principal: Principal, request: SettleDisputeRequest): Promise<VisitDetail>;
  correctVisit(principal: Principal, request: CorrectVisitRequest): Promise<VisitDetail>;
  withdrawVisit(principal: Principal, request: WithdrawVisitRequest): Promise<VisitDetail>;
  changePolicy(principal: Principal, change: PolicyChange): Promise<PolicyChanged>;
  previewPolicy(principal: Principal, change: PolicyChange): Promise<PolicyPreview>;
  listInbox(principal: Principal): Promise<InboxList>;
  countUnreadMessages(principal: Principal): Promise<number>;
  markMessageRead(principal: Principal, messageId: string): Promise<void>;
  importChild(child: Child, audit: AuditEntry): Promise<void>;
}

export function createUseCases(deps: Basics & { repositories: Repositories }): UseCases {
  // Each use case's signature names the few ports it uses; handing it this wider object gives it no more.
  const ports = { ...deps.repositories, clock: deps.clock, newId: deps.newId };
  return {
    readChild: (principal, childId) => readChild(ports, principal, childId),
    listChildren: (principal, request) => listChildren(ports, principal, request),
    countChildren: (principal, filter) => countChildren(ports, principal, filter),
    villagesToFilterBy: (principal) => villagesToFilterBy(ports, principal),
    registerChild: (principal, input) => registerChild(ports, principal, input),
    updateChild: (principal, childId, input) => updateChild(ports, principal, childId, input),
    assignTeam: (principal, childId, input) => assignTeam(ports, principal, childId, input),
    checkIn: (principal, request) => checkIn(ports, principal, request),
    answerVisit: (principal, request) => answerVisit(ports, principal, request),
    listPendingConfirmations: (actor) => listPendingConfirmations(ports, actor),
    listOwnDue: (actor, withinDays) => listOwnDue(ports, actor, withinDays),
    readVisit: (principal, address) => readVisit(ports, principal, address),
    settleDispute: (principal, request) => settleDispute(ports, principal, request),
    correctVisit: (principal, request) => correctVisit(ports, principal, request),
    withdrawVisit: (principal, request) => withdrawVisit(ports, principal, request),
    changePolicy: (principal, change) => changePolicy(ports, principal, change),
    previewPolicy: (principal, change) => previewPolicy(ports, principal, change),
    listInbox: (principal) => listInbox(ports, principal),
    countUnreadMessages: (principal) => countUnreadMessages(ports, principal),
    markMessageRead: (principal, messageId) => markMessageRead(ports, principal, messageId),
    importChild: (child, audit) => importChild(ports, child, audit),
  };
}
