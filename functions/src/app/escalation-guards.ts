import { decideEscalationAccess, escalationHandlerOf, type EscalationAction } from '../domain/access-policy.js';
import type { AuditAction } from '../domain/audit.js';
import type { Child } from '../domain/child.js';
import { ForbiddenError, NotFoundError } from '../domain/errors.js';
import type { Escalation } from '../domain/escalation.js';
import { escalationLevelNames, roleNames } from '../domain/labels.js';
import type { Actor } from '../domain/user.js';
import { assertPledgeForChildData } from './pledge-gate.js';

export const escalationNotFound = () => new NotFoundError('未找到该个案，或您无权查看', 'id');

/**
 * The case if the actor may read it (one 404 for "none", "not in your area" and "not for the family": API1), and a
 * 403 for a step that is the level's officer's to take.
 */
export function handledEscalation(actor: Actor, escalation: Escalation | null, child: Child | null, action: EscalationAction, attempted: AuditAction): Escalation {
  // R8: without the current pledge, every id answers pledge-required, existing or not.
  assertPledgeForChildData(actor, attempted, child?.id ?? null);
  if (escalation === null || child === null) throw escalationNotFound();
  const read = decideEscalationAccess(actor, 'read', escalation, child);
  if (!read.allowed) throw escalationNotFound().refusing({ action: attempted, childId: child.id, reason: read.denial });
  const decision = decideEscalationAccess(actor, action, escalation, child);
  if (!decision.allowed) {
    const handler = `${escalationLevelNames[escalation.level]}的${roleNames[escalationHandlerOf[escalation.level]]}`;
    throw new ForbiddenError(`该个案现由${handler}办理`).refusing({ action: attempted, childId: child.id, reason: decision.denial });
  }
  return escalation;
}

/** The accounts named in a case's trail, for the names the views show. */
export function trailUserIdsOf(escalations: readonly Escalation[]): string[] {
  return [...new Set(escalations.flatMap((escalation) => escalation.trail.flatMap((step) => (step.byUserId ? [step.byUserId] : []))))];
}
