import { decideDisputeSettlement, decideVisitAccess, decideVisitAmendment, type ChildRelations } from './access-policy.js';
import type { Actor } from './user.js';
import { isWithdrawn, type Visit } from './visit.js';
import { amendableUntil, isAmendable } from './visit-amendment.js';
import { isOpenDispute } from './visit-settlement.js';

/**
 * What the reader of a visit's page may do with it now, by the access policy and the visit's state, so the page
 * offers exactly what the server would accept: answer it (the guardian), settle its dispute (the leading
 * supervisor), correct or withdraw it (its author, within the week).
 */
export interface VisitActions {
  answer: boolean;
  settle: boolean;
  amend: boolean;
  /** While `amend`: until when (an instant), so the page can say how long the author has; else null. */
  amendUntil: string | null;
}

export function visitActionsFor(actor: Actor, child: ChildRelations, visit: Visit, now: Date): VisitActions {
  const amend = decideVisitAmendment(actor, child, visit).allowed && isAmendable(visit, now);
  return {
    answer: decideVisitAccess(actor, 'confirm', child).allowed && visit.confirmation.state === 'pending' && !isWithdrawn(visit),
    settle: decideDisputeSettlement(actor, child).allowed && isOpenDispute(visit),
    amend,
    amendUntil: amend ? amendableUntil(visit).toISOString() : null,
  };
}
