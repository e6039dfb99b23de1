import { decideVisitAccess } from '../domain/access-policy.js';
import { AlreadyExistsError, ForbiddenError, RuleViolationError } from '../domain/errors.js';
import { assessR3 } from '../domain/r3-assessment.js';
import type { Actor, User } from '../domain/user.js';
import type { CheckInInput, Visit } from '../domain/visit.js';
import { assertCheckInRules, draftVisit, visitIdOf } from '../domain/visit-record.js';
import type { IdempotencyRequest, UserRepository } from '../store/ports.js';
import type { AppDeps } from './app.js';
import { loadReadableChild } from './child-access.js';
import { auditEntryOf } from '../app/audit-entry.js';
import { InvalidInputError } from './errors.js';

/**
 * A check-in (issue 3, part 3): the social worker of the child's team or the director of its village records a
 * home visit or a contact. The Idempotency-Key makes a retry (an offline queue sending again) return the first
 * result and store nothing twice.
 */
export interface CheckInOutcome {
  visit: Visit;
  replayed: boolean;
  /** The accounts of the people who came, already read to check them. */
  participants: User[];
}

const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;

export function parseIdempotencyKey(header: string | undefined): string {
  if (header === undefined || header === '') {
    throw new InvalidInputError('请求须带 Idempotency-Key 请求头（8–64 位字母、数字、“-”或“_”）', 'Idempotency-Key');
  }
  if (!IDEMPOTENCY_KEY.test(header)) {
    throw new InvalidInputError('Idempotency-Key 须为 8–64 位字母、数字、“-”或“_”', 'Idempotency-Key');
  }
  return header;
}

const keyReused = () => new RuleViolationError('该 Idempotency-Key 已用于另一条不同的走访记录', 'Idempotency-Key');

export async function recordCheckIn(
  deps: AppDeps,
  actor: Actor,
  childId: string,
  input: CheckInInput,
  idempotencyKeyHeader: string | undefined,
): Promise<CheckInOutcome> {
  const { visits, users, policies } = deps.repositories;
  const key = parseIdempotencyKey(idempotencyKeyHeader);
  const child = await loadReadableChild(deps, actor, childId, 'visit.checkIn');
  const decision = decideVisitAccess(actor, 'checkIn', child);
  if (!decision.allowed) {
    throw new ForbiddenError('只有该儿童的负责社工或所在村（居）的儿童主任可以登记走访').refusing({
      action: 'visit.checkIn',
      childId: child.id,
      reason: decision.denial,
    });
  }
  const now = deps.clock();
  // Keyed by the user and hashed over the path and the body as validated (defaults filled in).
  const idempotency: IdempotencyRequest = { userId: actor.id, key, request: { childId, input } };
  const replay = await visits.findReplay(idempotency, now);
  if (replay.kind === 'different') throw keyReused();
  if (replay.kind === 'same') return { visit: replay.visit, replayed: true, participants: [] };

  if (child.status === 'closed') throw new RuleViolationError('该儿童已结案，不能再登记走访', 'childId');
  assertCheckInRules(input, actor.id, now);
  const participants = await loadParticipants(users, input.participantIds);
  const policy = await policies.get(child.region.districtId);
  const draft = draftVisit(input, {
    id: visitIdOf(input.startedAt, deps.newId()),
    child,
    recordedBy: actor.id,
    recordedAt: now,
    r3: assessR3(input, child.team?.socialWorkerId ?? null, policy.ruleIds),
  });
  try {
    const visit = await visits.checkIn({ visit: draft, audit: auditEntryOf(deps, actor, 'visit.checkIn', child.id, 'allowed'), idempotency, now });
    return { visit, replayed: false, participants };
  } catch (error) {
    if (!(error instanceof AlreadyExistsError && error.field === 'Idempotency-Key')) throw error;
    // The same request raced itself (sent twice at once): the one that lost answers as a replay of the winner.
    const again = await visits.findReplay(idempotency, now);
    if (again.kind === 'same') return { visit: again.visit, replayed: true, participants };
    throw keyReused();
  }
}

/** The people who came must be accounts, and staff: a guardian does not visit their own home. */
async function loadParticipants(users: UserRepository, ids: readonly string[]): Promise<User[]> {
  const found = await Promise.all(ids.map((id) => users.get(id)));
  return found.map((user) => {
    if (user === null || user.role === 'guardian') throw new RuleViolationError('参与人员须为系统中的工作人员账号', 'participantIds');
    return user;
  });
}
