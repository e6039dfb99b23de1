import type { Principal } from '../domain/user.js';
import type { WithdrawVisitInput } from '../domain/visit.js';
import { withdrawVisit as withdrawn } from '../domain/visit-amendment.js';
import { amendVisit } from './amend-visit.js';
import type { AmendVisitPorts } from './ports.js';
import type { VisitAddress } from './read-visit.js';
import type { VisitDetail } from './visit-detail.js';

export interface WithdrawVisitRequest extends VisitAddress {
  input: WithdrawVisitInput;
}

/**
 * The author withdraws a check-in made by mistake (the wrong child, recorded twice) with a reason: it stays on
 * record and on the chain, marked withdrawn, and no longer completes anything or asks the guardian for an answer.
 */
export function withdrawVisit(ports: AmendVisitPorts, principal: Principal, request: WithdrawVisitRequest): Promise<VisitDetail> {
  return amendVisit(ports, principal, request, {
    attempted: 'visit.withdraw',
    change: 'withdrawn',
    users: [],
    decide: ({ visit }, actor, now) => withdrawn(visit, request.input, actor.id, now),
  });
}
