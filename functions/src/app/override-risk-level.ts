import type { Child } from '../domain/child.js';
import { RuleViolationError } from '../domain/errors.js';
import type { RiskOverrideInput } from '../domain/guardianship-assessment.js';
import type { Actor, Principal } from '../domain/user.js';
import { newEvent } from '../events/domain-events.js';
import { actorFrom } from './actor.js';
import { assertAssessmentAccess } from './assessment-guards.js';
import type { OverrideRiskPorts } from './assessment-ports.js';
import { readableChild } from './child-guards.js';
import { staleChildVersion, storeChildChange } from './child-writes.js';

/**
 * The supervisor of the child's town sets the risk level outside an assessment, with a reason that is kept on the
 * child (issue 12, R18). The child, the obligations that follow, the audit entry and RiskLevelOverridden are one
 * transaction; the child's version guards against a concurrent change (409), so a retry after success is refused
 * as stale rather than applied twice.
 */
export async function overrideRiskLevel(ports: OverrideRiskPorts, principal: Principal, childId: string, input: RiskOverrideInput): Promise<{ actor: Actor; child: Child }> {
  const found = await ports.records.read({ users: [principal.userId], child: childId, obligationState: childId });
  const actor = actorFrom(principal, found.users.get(principal.userId));
  const child = readableChild(actor, found.child, 'risk.override');
  assertAssessmentAccess(actor, 'overrideRisk', child, 'risk.override');
  if (child.status === 'closed') throw new RuleViolationError('该儿童已结案，不能调整风险等级', 'id');
  if (input.version !== child.version) throw staleChildVersion();
  if (input.riskLevel === child.riskLevel) throw new RuleViolationError('新的风险等级与当前相同', 'riskLevel');
  const now = ports.clock();
  const next: Child = {
    ...child,
    riskLevel: input.riskLevel,
    riskBasis: { kind: 'override', reason: input.reason, byUserId: actor.id, at: now.toISOString() },
    updatedAt: now.toISOString(),
    version: child.version + 1,
  };
  const event = newEvent(
    'RiskLevelOverridden',
    { childId: child.id, townId: child.region.townId, districtId: child.region.districtId, riskLevel: input.riskLevel, previousRiskLevel: child.riskLevel },
    { id: ports.newId(), occurredAt: now, actorId: actor.id },
  );
  const { policy } = await ports.records.read({ policy: child.region.districtId });
  await storeChildChange(ports, actor, 'risk.override', child, next, { policy, obligationState: found.obligationState }, { events: [event] });
  return { actor, child: next };
}
