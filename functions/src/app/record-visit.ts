import type { AuditEntry } from '../domain/audit.js';
import type { Child } from '../domain/child.js';
import { dueEntriesOf, withCompletions } from '../domain/due-entries.js';
import { NotFoundError, StaleStateError, VersionConflictError } from '../domain/errors.js';
import { obligationKeysCompletedBy } from '../domain/policy-engine.js';
import { assessR3, type VisitRecorderRole } from '../domain/r3-assessment.js';
import { shanghaiDate } from '../domain/time.js';
import type { CheckInInput, Visit } from '../domain/visit.js';
import { obligationsMetBy } from '../domain/visit-completions.js';
import { draftVisit } from '../domain/visit-record.js';
import { newEvent } from '../events/domain-events.js';
import type { ChainHead, EffectivePolicy, IdempotencyRequest, ObligationState } from '../store/ports.js';
import { MAX_STATE_ATTEMPTS } from './child-writes.js';
import { obligationUpdateOf } from './obligation-update.js';
import type { RecordVisitPorts } from './ports.js';

export interface VisitToRecord {
  input: CheckInInput;
  visitId: string;
  recordedBy: string;
  /** R3 judges the social worker's home visits; a director's own, without the social worker, is R11's. */
  recorderRole: VisitRecorderRole;
  recordedAt: Date;
  /** The recording social worker's organization, whose service the visit counts as (R9); null or absent for others. */
  organizationId?: string | null;
  audit: AuditEntry;
  /** Null for visits the system writes itself (the demo area). */
  idempotency: IdempotencyRequest | null;
  /** The id of its VisitRecorded event, made once so that every attempt writes the same event. */
  eventId: string;
}

/** What the check-in is decided from; read together, and again together when a write finds it moved. */
export interface CheckInState {
  child: Child;
  head: ChainHead;
  obligationState: ObligationState | null;
  policy: EffectivePolicy;
}

const busy = () => new VersionConflictError('该儿童的走访记录正在被同时更新，请稍后重试', 'childId');

/**
 * Records a visit against the state as read: the R3 judgement under the district's policy, the draft, the
 * completions it adds and what the child is then due (as of `now`), and its VisitRecorded event; the store appends
 * it to the chain and writes it all in one transaction. A concurrent check-in or change of the child moves the state
 * (StaleStateError): it is read again, in one batch, and the visit decided again, at most 5 times in all.
 */
export async function recordVisit(ports: RecordVisitPorts, visit: VisitToRecord, read: CheckInState, now: Date): Promise<Visit> {
  let state = read;
  for (let attempt = 1; ; attempt += 1) {
    const { child, head, obligationState, policy } = state;
    const drafted = draftVisit(visit.input, {
      id: visit.visitId,
      child,
      recordedBy: visit.recordedBy,
      recordedAt: visit.recordedAt,
      r3: assessR3(visit.input, child.team?.socialWorkerId ?? null, policy.ruleIds, visit.recorderRole),
    });
    const completed = obligationKeysCompletedBy(drafted, child.team);
    const day = shanghaiDate(new Date(drafted.startedAt));
    const previousCompletions = obligationState?.lastCompletions ?? {};
    // What was due before this visit, to count it on time or late and in its due month (monthly-counts.ts).
    const dueBefore = dueEntriesOf(child, policy.ruleIds, previousCompletions, shanghaiDate(now)).map((entry) => entry.obligation);
    const draft = {
      ...drafted,
      obligationsMet: obligationsMetBy(completed, dueBefore, previousCompletions, day),
      organizationId: visit.organizationId ?? null,
    };
    const lastCompletions = withCompletions(previousCompletions, completed, day);
    const recorded = newEvent(
      'VisitRecorded',
      { childId: child.id, visitId: draft.id, districtId: draft.region.districtId, townId: draft.region.townId, r3Met: draft.r3.met },
      { id: visit.eventId, occurredAt: visit.recordedAt, actorId: visit.recordedBy },
    );
    try {
      return await ports.visits.recordCheckIn({
        draft,
        head,
        childVersion: child.version,
        obligations: obligationUpdateOf(child, policy, obligationState, shanghaiDate(now), lastCompletions),
        idempotency: visit.idempotency,
        audit: visit.audit,
        events: [recorded],
        now,
      });
    } catch (error) {
      if (!(error instanceof StaleStateError)) throw error;
      if (attempt >= MAX_STATE_ATTEMPTS) throw busy();
      state = await readCheckInState(ports, child.id, child.region.districtId);
    }
  }
}

export async function readCheckInState(ports: RecordVisitPorts, childId: string, districtId: string): Promise<CheckInState> {
  const found = await ports.records.read({ child: childId, chainHead: childId, obligationState: childId, policy: districtId });
  if (found.child === null) throw new NotFoundError('未找到该儿童', 'childId');
  return { child: found.child, head: found.chainHead, obligationState: found.obligationState, policy: found.policy };
}
