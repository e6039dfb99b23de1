import { decideVisitAccess } from '../domain/access-policy.js';
import { NotFoundError, StaleStateError, VersionConflictError } from '../domain/errors.js';
import type { Actor, Principal } from '../domain/user.js';
import type { ConfirmVisitInput, Visit } from '../domain/visit.js';
import { answerVisit as answered } from '../domain/visit-record.js';
import { newEvent } from '../events/domain-events.js';
import { actorFrom } from './actor.js';
import { auditEntryOf } from './audit-entry.js';
import { childNotFound } from './child-guards.js';
import { MAX_STATE_ATTEMPTS } from './child-writes.js';
import { namesOf } from './participant-names.js';
import type { AnswerVisitPorts } from './ports.js';

export interface AnswerVisitRequest {
  childId: string;
  visitId: string;
  input: ConfirmVisitInput;
}

export interface VisitAnswered {
  actor: Actor;
  visit: Visit;
  participantNames: Map<string, string>;
}

/**
 * The guardian's confirmation or dispute (issue 3, part 5), on their own account: it replaces their signature in the
 * care handbook (R3). Anyone else gets the same 404 as for a child that does not exist. One batch reads the user,
 * the child, the visit and the chain head; one transaction writes the answer, its chain entry, the audit entry and
 * the VisitConfirmed or VisitDisputed event; a last batch reads the names of who came, for the answer. The supervisor
 * hears of a dispute from the VisitDisputed consumer (events/consumers), not from this transaction.
 */
export async function answerVisit(ports: AnswerVisitPorts, principal: Principal, request: AnswerVisitRequest): Promise<VisitAnswered> {
  const { childId, visitId, input } = request;
  const found = await ports.records.read({ users: [principal.userId], child: childId, visit: { childId, visitId }, chainHead: childId });
  const actor = actorFrom(principal, found.users.get(principal.userId));
  const child = found.child;
  if (child === null) throw childNotFound();
  const decision = decideVisitAccess(actor, 'confirm', child);
  if (!decision.allowed) throw childNotFound().refusing({ action: 'visit.confirm', childId: child.id, reason: decision.denial });
  const visit = found.visit;
  if (visit === null) throw new NotFoundError('未找到该走访记录', 'visitId');
  const now = ports.clock();
  const next = answered(visit, input, actor.id, now);
  const disputed = next.confirmation.state === 'disputed';
  const ids = { childId: child.id, visitId: visit.id, districtId: visit.region.districtId, townId: visit.region.townId };
  const event = newEvent(disputed ? 'VisitDisputed' : 'VisitConfirmed', ids, { id: ports.newId(), occurredAt: now, actorId: actor.id });
  const write = {
    previous: visit,
    next,
    audit: auditEntryOf(ports, actor, 'visit.confirm', child.id, 'allowed'),
    events: [event],
  };
  let head = found.chainHead;
  for (let attempt = 1; ; attempt += 1) {
    try {
      await ports.visits.recordAnswer({ ...write, head });
      break;
    } catch (error) {
      // Only the chain head moves under an answer without it being the guardian's conflict: a check-in meanwhile.
      if (!(error instanceof StaleStateError)) throw error;
      if (attempt >= MAX_STATE_ATTEMPTS) throw new VersionConflictError('该儿童的走访记录正在被同时更新，请稍后重试', 'childId');
      head = (await ports.records.read({ chainHead: childId })).chainHead;
    }
  }
  const { users } = await ports.records.read({ users: next.participantIds });
  return { actor, visit: next, participantNames: namesOf(users) };
}
