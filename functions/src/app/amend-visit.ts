import { decideVisitAmendment } from '../domain/access-policy.js';
import type { AuditAction } from '../domain/audit.js';
import type { Child } from '../domain/child.js';
import { ForbiddenError, StaleStateError, VersionConflictError } from '../domain/errors.js';
import { shanghaiDate } from '../domain/time.js';
import type { Actor, Principal, User } from '../domain/user.js';
import type { Visit } from '../domain/visit.js';
import { completionsOf, recomputeCompletions, stillMet } from '../domain/visit-completions.js';
import { newEvent } from '../events/domain-events.js';
import type { ChainHead, EffectivePolicy, ObligationState } from '../store/ports.js';
import { actorFrom } from './actor.js';
import { auditEntryOf } from './audit-entry.js';
import { readableChild } from './child-guards.js';
import { MAX_STATE_ATTEMPTS } from './child-writes.js';
import { obligationUpdateOf } from './obligation-update.js';
import type { AmendVisitPorts } from './ports.js';
import type { VisitAddress } from './read-visit.js';
import { visitDetailOf, visitNotFound, type VisitDetail } from './visit-detail.js';

/** What an amendment is decided from; read together, and read again together when the write finds it moved. */
export interface AmendmentState {
  child: Child;
  visit: Visit;
  head: ChainHead;
  obligationState: ObligationState | null;
  policy: EffectivePolicy;
  /** Every visit of the child, the one amended among them as read. */
  visits: Visit[];
}

export interface Amendment {
  attempted: Extract<AuditAction, 'visit.correct' | 'visit.withdraw'>;
  change: 'corrected' | 'withdrawn';
  /** Accounts the change names (new participants), read with the first batch. */
  users: readonly string[];
  /** The amended visit, one version on, by the domain's rules; `found` holds the users read. */
  decide: (state: AmendmentState, actor: Actor, now: Date, found: { users: ReadonlyMap<string, User> }) => Visit;
}

const busy = () => new VersionConflictError('该儿童的走访记录正在被同时更新，请稍后重试', 'childId');

async function readState(ports: AmendVisitPorts, { childId, visitId }: VisitAddress, districtId: string) {
  const [found, visits] = await Promise.all([
    ports.records.read({ child: childId, visit: { childId, visitId }, chainHead: childId, obligationState: childId, policy: districtId }),
    ports.visits.listAllOfChild(childId),
  ]);
  if (found.child === null || found.visit === null) throw visitNotFound();
  return { child: found.child, visit: found.visit, head: found.chainHead, obligationState: found.obligationState, policy: found.policy, visits };
}

/**
 * Issue 7, B3: the author corrects or withdraws their own check-in within a week. The original stays on the chain
 * and the change is appended; what the child completed is worked out again from its visits as they now stand
 * (a withdrawn visit completes nothing), and the month's counters follow, in the same transaction as the
 * VisitCorrected event. Round trips: one batch (the user, the child, the visit, its chain head and obligation
 * state, the people named), then the district's policy and the child's visits together, the transaction, and the
 * names for the page.
 */
export async function amendVisit(ports: AmendVisitPorts, principal: Principal, address: VisitAddress, amendment: Amendment): Promise<VisitDetail> {
  const { childId, visitId } = address;
  const first = await ports.records.read({
    users: [principal.userId, ...amendment.users],
    child: childId,
    visit: { childId, visitId },
    chainHead: childId,
    obligationState: childId,
  });
  const actor = actorFrom(principal, first.users.get(principal.userId));
  const child = readableChild(actor, first.child, amendment.attempted);
  if (first.visit === null) throw visitNotFound();
  const decision = decideVisitAmendment(actor, child, first.visit);
  if (!decision.allowed) {
    throw new ForbiddenError('只有登记人本人可以更正或撤回这条走访记录').refusing({
      action: amendment.attempted,
      childId: child.id,
      reason: decision.denial,
    });
  }
  const now = ports.clock();
  const audit = auditEntryOf(ports, actor, amendment.attempted, child.id, 'allowed');
  const eventId = ports.newId();
  const [{ policy }, visits] = await Promise.all([
    ports.records.read({ policy: child.region.districtId }),
    ports.visits.listAllOfChild(childId),
  ]);
  let state: AmendmentState = { child, visit: first.visit, head: first.chainHead, obligationState: first.obligationState, policy, visits };
  for (let attempt = 1; ; attempt += 1) {
    const { visit } = state;
    const next = stillMet(amendment.decide(state, actor, now, first), state.child);
    const touched = [...new Set([...completionsOf(visit, state.child), ...completionsOf(next, state.child)])];
    const visits = state.visits.map((other) => (other.id === next.id ? next : other));
    const lastCompletions = recomputeCompletions(state.obligationState?.lastCompletions ?? {}, state.child, visits, touched);
    const ids = { childId, visitId, districtId: visit.region.districtId, townId: visit.region.townId };
    const event = newEvent('VisitCorrected', { ...ids, change: amendment.change }, { id: eventId, occurredAt: now, actorId: actor.id });
    try {
      await ports.visits.recordAmendment({
        previous: visit,
        next,
        head: state.head,
        childVersion: state.child.version,
        obligations: obligationUpdateOf(state.child, state.policy, state.obligationState, shanghaiDate(now), lastCompletions),
        audit,
        events: [event],
      });
      return visitDetailOf(ports, actor, state.child, next, now);
    } catch (error) {
      if (!(error instanceof StaleStateError)) throw error;
      if (attempt >= MAX_STATE_ATTEMPTS) throw busy();
      state = await readState(ports, address, state.child.region.districtId);
    }
  }
}
