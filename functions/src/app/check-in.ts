import { decideVisitAccess } from '../domain/access-policy.js';
import { AlreadyExistsError, ForbiddenError, RuleViolationError } from '../domain/errors.js';
import type { Actor, Principal } from '../domain/user.js';
import type { CheckInInput, Visit } from '../domain/visit.js';
import { assertCheckInRules, visitIdOf } from '../domain/visit-record.js';
import type { IdempotencyRequest, IdempotentMatch } from '../store/ports.js';
import { actorFrom } from './actor.js';
import { auditEntryOf } from './audit-entry.js';
import { readableChild } from './child-guards.js';
import { namesOf } from './participant-names.js';
import { assertStaffParticipants } from './participants.js';
import type { CheckInPorts } from './ports.js';
import { recordVisit } from './record-visit.js';

export interface CheckInRequest {
  childId: string;
  input: CheckInInput;
  /** The client's Idempotency-Key: a retry (an offline queue sending again) returns the first result. */
  idempotencyKey: string;
}

export interface CheckInOutcome {
  actor: Actor;
  visit: Visit;
  replayed: boolean;
  /** The names of the people who came, read with everything else. */
  participantNames: Map<string, string>;
}

const keyReused = () => new RuleViolationError('该 Idempotency-Key 已用于另一条不同的走访记录', 'Idempotency-Key');

/**
 * A check-in (issue 3, part 3): the social worker of the child's team or the director of its village records a
 * home visit or a contact. One batch reads the user, the participants, the child, its chain head and obligation
 * state and the idempotency record; a second the district's policy (known only from the child), or the replayed
 * visit; then one transaction writes the visit, its chain entry, the obligations, the idempotency record, the
 * counters, the audit entry and the VisitRecorded event.
 */
export async function checkIn(ports: CheckInPorts, principal: Principal, request: CheckInRequest): Promise<CheckInOutcome> {
  const { childId, input } = request;
  const now = ports.clock();
  // Keyed by the user and hashed over the path and the body as validated (defaults filled in).
  const idempotency: IdempotencyRequest = { userId: principal.userId, key: request.idempotencyKey, request: { childId, input } };
  const found = await ports.records.read({
    users: [principal.userId, ...input.participantIds],
    child: childId,
    chainHead: childId,
    obligationState: childId,
    idempotency: { ...idempotency, now },
  });
  const actor = actorFrom(principal, found.users.get(principal.userId));
  const child = readableChild(actor, found.child, 'visit.checkIn');
  const decision = decideVisitAccess(actor, 'checkIn', child);
  if (!decision.allowed) {
    throw new ForbiddenError('只有该儿童的负责社工或所在村（居）的儿童主任可以登记走访').refusing({
      action: 'visit.checkIn',
      childId: child.id,
      reason: decision.denial,
    });
  }
  const participantNames = namesOf(found.users);
  const replayed = await replayOf(ports, found.idempotency);
  if (replayed) return { actor, visit: replayed, replayed: true, participantNames };

  if (child.status === 'closed') throw new RuleViolationError('该儿童已结案，不能再登记走访', 'childId');
  assertCheckInRules(input, actor.id, now);
  assertStaffParticipants(found.users, input.participantIds);
  const { policy } = await ports.records.read({ policy: child.region.districtId });
  const visit = {
    input,
    visitId: visitIdOf(input.startedAt, ports.newId()),
    recordedBy: actor.id,
    // The access policy let only a social worker or a director through.
    recorderRole: actor.role === 'director' ? ('director' as const) : ('socialWorker' as const),
    recordedAt: now,
    organizationId: actor.role === 'socialWorker' ? actor.organizationId : null,
    audit: auditEntryOf(ports, actor, 'visit.checkIn', child.id, 'allowed'),
    idempotency,
    eventId: ports.newId(),
  };
  try {
    const recorded = await recordVisit(ports, visit, { child, head: found.chainHead, obligationState: found.obligationState, policy }, now);
    return { actor, visit: recorded, replayed: false, participantNames };
  } catch (error) {
    if (!(error instanceof AlreadyExistsError && error.field === 'Idempotency-Key')) throw error;
    // The same request raced itself (sent twice at once): the one that lost answers as a replay of the winner.
    const again = await ports.records.read({ idempotency: { ...idempotency, now } });
    const winner = await replayOf(ports, again.idempotency);
    if (winner) return { actor, visit: winner, replayed: true, participantNames };
    throw keyReused();
  }
}

/** The visit an earlier request with this key stored; null when there is none (or it is gone). */
async function replayOf(ports: CheckInPorts, match: IdempotentMatch): Promise<Visit | null> {
  if (match.kind === 'different') throw keyReused();
  if (match.kind === 'none') return null;
  return (await ports.records.read({ visit: { childId: match.childId, visitId: match.visitId } })).visit;
}

