import { inCatalogueOrder, type DistrictPolicy, type UpdateDistrictPolicyInput } from '../domain/obligation.js';
import { startedRefresh, type PolicyRefresh } from '../domain/policy-refresh.js';
import type { Actor, Principal } from '../domain/user.js';
import { newEvent } from '../events/domain-events.js';
import { auditEntryOf } from './audit-entry.js';
import { startPolicyChange, type PolicyChange } from './policy-change-reads.js';
import type { ChangePolicyPorts } from './ports.js';

export type { PolicyChange };

export interface PolicyChanged {
  actor: Actor;
  policy: DistrictPolicy;
  /** The recomputation of the district's children the change started, not yet begun. */
  refresh: PolicyRefresh;
}

/**
 * A district's choice of rules (DOMAIN.md: "A district chooses which of these rules apply"), by the district's own
 * officers, guarded by the version they saw. One batch reads the user, the district and its policy, one query counts
 * its children; one transaction writes the policy, the audit entry, the PolicyChanged event and the record of the
 * recomputation it starts. The children's obligations are recomputed by the job that event starts
 * (continue-policy-refresh.ts), not in the request: a district of thousands would outlast it.
 */
export async function changePolicy(ports: ChangePolicyPorts, principal: Principal, change: PolicyChange): Promise<PolicyChanged> {
  const { actor, district, current } = await startPolicyChange(ports, principal, change, 'update');
  const now = ports.clock();
  const policy: DistrictPolicy = {
    districtId: district.id,
    ruleIds: inCatalogueOrder(change.input.ruleIds),
    unconfirmedAfterDays: change.input.unconfirmedAfterDays,
    ...keptLimits(change.input, current),
    updatedAt: now.toISOString(),
    updatedBy: actor.id,
    version: current.version + 1,
  };
  const changed = newEvent('PolicyChanged', { districtId: district.id, policyVersion: policy.version }, { id: ports.newId(), occurredAt: now, actorId: actor.id });
  const total = await ports.children.count({ kind: 'region', level: 'district', regionId: district.id });
  const refresh = startedRefresh(district.id, policy.version, total, now);
  await ports.policies.put({ policy, audit: auditEntryOf(ports, actor, 'policy.update', null, 'allowed'), events: [changed], refresh });
  return { actor, policy, refresh };
}

/** The acknowledgement limits sent, or else the stored ones: a client that does not show them leaves them as they are. */
function keptLimits(input: UpdateDistrictPolicyInput, stored: Pick<DistrictPolicy, 'acknowledgeLimits'>): Pick<DistrictPolicy, 'acknowledgeLimits'> {
  const limits = input.acknowledgeLimits ?? stored.acknowledgeLimits;
  return limits === undefined ? {} : { acknowledgeLimits: limits };
}
