import type { AuditAction } from '../domain/audit.js';
import type { Child } from '../domain/child.js';
import { StaleStateError, VersionConflictError } from '../domain/errors.js';
import { laterDate } from '../domain/calendar.js';
import type { Assessment } from '../domain/guardianship-assessment.js';
import type { LastCompletions } from '../domain/obligation.js';
import { shanghaiDate } from '../domain/time.js';
import type { DomainEvent } from '../events/domain-events.js';
import type { Actor } from '../domain/user.js';
import type { EffectivePolicy, ObligationState } from '../store/ports.js';
import { auditEntryOf } from './audit-entry.js';
import { obligationUpdateOf } from './obligation-update.js';
import type { ChildChangePorts } from './ports.js';

/**
 * What a change may carry beyond the child (issue 12): its events, obligations it completes (a recorded assessment
 * completes the R21 reassessment) and the assessment itself, all in the child's transaction.
 */
export interface ChildChangeExtras {
  events?: DomainEvent[];
  completions?: LastCompletions;
  assessment?: Assessment;
}

/** The stored completions with new ones, each kept at its later date (a back-dated record never moves one back). */
function withCompletions(stored: LastCompletions, added: LastCompletions): LastCompletions {
  const merged: LastCompletions = { ...stored };
  for (const [key, date] of Object.entries(added)) {
    if (date !== undefined) merged[key] = merged[key] === undefined ? date : laterDate(merged[key]!, date);
  }
  return merged;
}

/** A write that lost a race on the obligation state or the chain head is tried again this many times in all. */
export const MAX_STATE_ATTEMPTS = 5;

export const staleChildVersion = () => new VersionConflictError('该记录已被他人修改，请刷新后重试', 'version');

/**
 * Stores a changed child with its obligations computed under its district's policy as of the day of the change.
 * When the obligations moved meanwhile (a check-in, a policy recomputation), they and the policy are read again and
 * the write retried: that is nobody's conflict. A changed child is the caller's (VersionConflictError).
 */
export async function storeChildChange(
  ports: ChildChangePorts,
  actor: Actor,
  attempted: AuditAction,
  previous: Child,
  next: Child,
  read: { policy: EffectivePolicy; obligationState: ObligationState | null },
  extra: ChildChangeExtras = {},
): Promise<void> {
  const audit = auditEntryOf(ports, actor, attempted, previous.id, 'allowed');
  const today = shanghaiDate(new Date(next.updatedAt));
  let { policy, obligationState } = read;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const completions = withCompletions(obligationState?.lastCompletions ?? {}, extra.completions ?? {});
      await ports.children.update({
        previous,
        next,
        audit,
        obligations: obligationUpdateOf(next, policy, obligationState, today, completions),
        events: extra.events ?? [],
        ...(extra.assessment ? { assessment: extra.assessment } : {}),
      });
      return;
    } catch (error) {
      if (!(error instanceof StaleStateError)) throw error;
      if (attempt >= MAX_STATE_ATTEMPTS) throw new VersionConflictError('该儿童的走访安排正在被同时更新，请稍后重试', 'version');
      ({ policy, obligationState } = await ports.records.read({ policy: next.region.districtId, obligationState: next.id }));
    }
  }
}
