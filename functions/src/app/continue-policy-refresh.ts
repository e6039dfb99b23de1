import { advancedRefresh, type PolicyRefresh } from '../domain/policy-refresh.js';
import { newEvent } from '../events/domain-events.js';
import type { Basics, ContinuePolicyRefreshPorts, RefreshObligationsPorts } from './ports.js';

export type { ContinuePolicyRefreshPorts, PolicyRefreshLimits } from './ports.js';
import { refreshChildObligations } from './refresh-obligations.js';

/**
 * 'finished': the last child is done; 'handedOver': the budget ran out and the saved progress carries a
 * PolicyRefreshContinued for the next piece; 'superseded': a newer policy of the district replaced this run;
 * 'alreadyDone': finished before (a duplicate delivery); 'takenOver': another run of the same version saved the page
 * first and goes on; 'missing': no record of this version (an event the job never started).
 */
export type PolicyRefreshStep = 'finished' | 'handedOver' | 'superseded' | 'alreadyDone' | 'takenOver' | 'missing';

const CHILD_CONCURRENCY = 4;

/**
 * Walks the district's children under its policy from where the saved progress stopped (issue 9, part 2), each child
 * in a transaction of its own (refreshChildObligations: a child already up to date is not written, so a page walked
 * twice after a crash changes nothing). After each page the cursor and count are saved on the condition that the
 * record is still this version at this step: a newer policy's record, or a twin run that saved first, stops this one.
 * Until its turn a child keeps the obligations of the policy before.
 *
 * A run that reaches its budget writes a PolicyRefreshContinued in the same transaction as its progress, and the
 * relay hands that to the next invocation. The job continues itself rather than waiting for a scheduled sweep: the
 * officer watches the progress bar, and the event is as durable as the progress it is written with. A Lambda that
 * dies between two saves is retried with the same event, which resumes from the last save.
 */
export async function continuePolicyRefresh(
  ports: ContinuePolicyRefreshPorts,
  target: { districtId: string; policyVersion: number },
): Promise<PolicyRefreshStep> {
  const started = ports.elapsedMs();
  const stored = await ports.policyRefreshes.get(target.districtId);
  if (stored === null || stored.policyVersion < target.policyVersion) return 'missing';
  if (stored.policyVersion > target.policyVersion) return 'superseded';
  if (stored.status === 'done') return 'alreadyDone';
  let current: PolicyRefresh = stored;
  for (;;) {
    const page = await ports.children.list(
      { kind: 'region', level: 'district', regionId: target.districtId },
      { limit: ports.policyRefreshLimits.pageSize, cursor: current.cursor },
    );
    await refreshPage(ports, page.items.map((child) => child.id), target.districtId);
    const next = advancedRefresh(current, page.items.length, page.nextCursor, ports.clock());
    const handOver = next.status === 'running' && ports.elapsedMs() - started >= ports.policyRefreshLimits.budgetMs;
    const events = handOver ? [newEvent('PolicyRefreshContinued', target, { id: ports.newId(), occurredAt: ports.clock(), actorId: 'system' })] : [];
    if (!(await ports.policyRefreshes.advance(current, next, events))) {
      const now = await ports.policyRefreshes.get(target.districtId);
      return now !== null && now.policyVersion > target.policyVersion ? 'superseded' : 'takenOver';
    }
    if (next.status === 'done') return 'finished';
    if (handOver) return 'handedOver';
    current = next;
  }
}

async function refreshPage(ports: RefreshObligationsPorts & Basics, childIds: string[], districtId: string): Promise<void> {
  const now = ports.clock();
  for (let start = 0; start < childIds.length; start += CHILD_CONCURRENCY) {
    await Promise.all(childIds.slice(start, start + CHILD_CONCURRENCY).map((childId) => refreshChildObligations(ports, childId, districtId, now)));
  }
}
