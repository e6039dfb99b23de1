import { StaleStateError } from '../domain/errors.js';
import { shanghaiDate } from '../domain/time.js';
import { MAX_STATE_ATTEMPTS } from './child-writes.js';
import { obligationUpdateOf } from './obligation-update.js';
import type { RefreshObligationsPorts } from './ports.js';

/**
 * Brings one child's obligations up to date with its district's current policy (after a policy change, by the job in
 * continue-policy-refresh.ts), in a transaction of its own guarded by the child's and the obligations' versions. A
 * child whose obligations do not change is not written, so running it again is harmless. False when nothing changed.
 * `districtId` is where the caller found the child: its policy is read with the child in one batch.
 */
export async function refreshChildObligations(ports: RefreshObligationsPorts, childId: string, districtId: string, now: Date): Promise<boolean> {
  const today = shanghaiDate(now);
  let district = districtId;
  for (let attempt = 1; attempt <= MAX_STATE_ATTEMPTS; attempt += 1) {
    const { child, obligationState, policy } = await ports.records.read({ child: childId, obligationState: childId, policy: district });
    if (child === null) return false;
    if (child.region.districtId !== district) {
      // Moved to another district since the caller listed it: that district's policy applies.
      district = child.region.districtId;
      continue;
    }
    try {
      return await ports.obligations.refresh({ childVersion: child.version, obligations: obligationUpdateOf(child, policy, obligationState, today) });
    } catch (error) {
      if (!(error instanceof StaleStateError)) throw error;
    }
  }
  throw new Error('the child kept changing while its obligations were recomputed');
}
