import { decideEscalationAccess } from '../domain/access-policy.js';
import type { Child } from '../domain/child.js';
import { currentLevelState, isOpen, isOverdue, type Escalation } from '../domain/escalation.js';
import { stepsFrom } from '../domain/escalation-lifecycle.js';
import type { Actor } from '../domain/user.js';
import type { RegionRepository } from '../store/ports.js';
import type { EscalationSummary, EscalationView } from './escalation-schemas.js';
import { regionNamesOf } from './region-names.js';

export function villageNamesOfCases(regions: RegionRepository, escalations: readonly Escalation[]): Promise<Map<string, string>> {
  return regionNamesOf(regions, escalations.map((escalation) => escalation.path.villageId));
}

export function escalationViewOf(
  actor: Actor,
  escalation: Escalation,
  child: Child,
  names: Map<string, string>,
  villageNames: Map<string, string>,
  now: Date,
): EscalationView {
  return {
    ...escalation,
    childName: child.name,
    villageName: villageNames.get(escalation.path.villageId) ?? '',
    acknowledgeBy: currentLevelState(escalation).acknowledgeBy,
    overdue: isOverdue(escalation, now),
    trail: escalation.trail.map((step) => ({ ...step, byName: step.byUserId ? (names.get(step.byUserId) ?? null) : null })),
    nextSteps: stepsFrom(escalation).filter((action) => decideEscalationAccess(actor, action, escalation, child).allowed),
  };
}

export function escalationSummaryOf(escalation: Escalation, villageNames: Map<string, string>, now: Date): EscalationSummary {
  const { id, childId, level, status, urgent, createdAt, updatedAt } = escalation;
  const { raisedAt, acknowledgeBy } = currentLevelState(escalation);
  return {
    id,
    childId,
    level,
    status,
    urgent,
    createdAt,
    updatedAt,
    villageName: villageNames.get(escalation.path.villageId) ?? '',
    raisedAt,
    acknowledgeBy,
    overdue: isOverdue(escalation, now),
  };
}

export function escalationCounts(queue: readonly Escalation[] | null, overdueBelow: readonly Escalation[], now: Date) {
  const open = (queue ?? []).filter(isOpen);
  return {
    open: open.length,
    urgent: open.filter((escalation) => escalation.urgent).length,
    overdue: open.filter((escalation) => isOverdue(escalation, now)).length,
    overdueBelow: overdueBelow.length,
  };
}
