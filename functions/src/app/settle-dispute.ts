import { decideDisputeSettlement } from '../domain/access-policy.js';
import { ForbiddenError, StaleStateError, VersionConflictError } from '../domain/errors.js';
import type { Principal } from '../domain/user.js';
import type { SettleDisputeInput } from '../domain/visit.js';
import { settleDispute as settled } from '../domain/visit-settlement.js';
import { newEvent } from '../events/domain-events.js';
import { actorFrom } from './actor.js';
import { auditEntryOf } from './audit-entry.js';
import { readableChild } from './child-guards.js';
import { MAX_STATE_ATTEMPTS } from './child-writes.js';
import type { SettleDisputePorts } from './ports.js';
import type { VisitAddress } from './read-visit.js';
import { visitDetailOf, visitNotFound, type VisitDetail } from './visit-detail.js';

export interface SettleDisputeRequest extends VisitAddress {
  input: SettleDisputeInput;
}

/**
 * Issue 7, B2: the supervisor who leads the child's team (or, for a child without a team, a supervisor of its town)
 * settles a guardian's dispute from the visit's page: 核实属实, 与记录不符 or 已安排重新走访, with a note. One batch
 * reads the user, the child, the visit and the chain head; one transaction writes the settlement, its chain entry,
 * the audit entry and DisputeResolved, whose consumer tells the worker and the guardians; the visit leaves the
 * town's attention list. A last batch reads the names for the page.
 */
export async function settleDispute(ports: SettleDisputePorts, principal: Principal, request: SettleDisputeRequest): Promise<VisitDetail> {
  const { childId, visitId, input } = request;
  const found = await ports.records.read({ users: [principal.userId], child: childId, visit: { childId, visitId }, chainHead: childId });
  const actor = actorFrom(principal, found.users.get(principal.userId));
  const child = readableChild(actor, found.child, 'visit.settle');
  const decision = decideDisputeSettlement(actor, child);
  if (!decision.allowed) {
    throw new ForbiddenError('只有牵头负责该儿童的儿童督导员可以处理异议').refusing({ action: 'visit.settle', childId: child.id, reason: decision.denial });
  }
  const visit = found.visit;
  if (visit === null) throw visitNotFound();
  const now = ports.clock();
  const next = settled(visit, input, actor.id, now);
  const ids = { childId: child.id, visitId: visit.id, districtId: visit.region.districtId, townId: visit.region.townId };
  const event = newEvent('DisputeResolved', { ...ids, outcome: input.outcome }, { id: ports.newId(), occurredAt: now, actorId: actor.id });
  const write = { previous: visit, next, audit: auditEntryOf(ports, actor, 'visit.settle', child.id, 'allowed'), events: [event] };
  let head = found.chainHead;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await ports.visits.recordSettlement({ ...write, head });
      break;
    } catch (error) {
      // A check-in or an answer for another visit of the child moved the head: nobody's conflict.
      if (!(error instanceof StaleStateError)) throw error;
      if (attempt >= MAX_STATE_ATTEMPTS) throw new VersionConflictError('该儿童的走访记录正在被同时更新，请稍后重试', 'childId');
      head = (await ports.records.read({ chainHead: childId })).chainHead;
    }
  }
  return visitDetailOf(ports, actor, child, next, now);
}
