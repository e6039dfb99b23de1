import { VersionConflictError } from './errors.js';
import type { SettleDisputeInput, Visit } from './visit.js';

/** A dispute still waiting for the supervisor: it is on the town's attention list until settled. */
export function isOpenDispute(visit: Pick<Visit, 'confirmation' | 'resolution'>): boolean {
  return visit.confirmation.state === 'disputed' && visit.resolution === null;
}

/**
 * Issue 7, B2: the supervisor settles a guardian's dispute once, on the version they saw, bound to their account and
 * the server's time. The guardian's answer stays as it was; the settlement is added beside it.
 */
export function settleDispute(visit: Visit, input: SettleDisputeInput, supervisorId: string, now: Date): Visit {
  if (input.version !== visit.version) throw new VersionConflictError('该走访记录已更新，请刷新后重试', 'version');
  if (!isOpenDispute(visit)) throw new VersionConflictError('该走访没有待处理的异议', 'version');
  return {
    ...visit,
    resolution: { outcome: input.outcome, note: input.note, byUserId: supervisorId, at: now.toISOString() },
    version: visit.version + 1,
  };
}
