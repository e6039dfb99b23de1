import { decideEscalationAccess } from '../domain/access-policy.js';
import type { Child } from '../domain/child.js';
import { ForbiddenError } from '../domain/errors.js';
import type { Escalation } from '../domain/escalation.js';
import type { Actor, Principal } from '../domain/user.js';
import { actorFrom } from './actor.js';
import { auditEntryOf } from './audit-entry.js';
import { readableChild } from './child-guards.js';
import { trailUserIdsOf } from './escalation-guards.js';
import type { ChildEscalationsPorts } from './escalation-ports.js';
import { namesOf } from './participant-names.js';

export interface ChildEscalations {
  actor: Actor;
  child: Child;
  escalations: Escalation[];
  names: Map<string, string>;
  now: Date;
}

export const CHILD_ESCALATIONS_LIMIT = 50;

/**
 * Every difficult case of a child with its whole trail (R6: it stays in the child's record), newest first, for the
 * child's page; audited once, like a read of the record. A family member who may read the child is refused.
 */
export async function listChildEscalations(ports: ChildEscalationsPorts, principal: Principal, childId: string): Promise<ChildEscalations> {
  const found = await ports.records.read({ users: [principal.userId], child: childId });
  const actor = actorFrom(principal, found.users.get(principal.userId));
  const child = readableChild(actor, found.child, 'escalation.list');
  const decision = decideEscalationAccess(actor, 'read', { level: 'town' }, child);
  if (!decision.allowed) {
    throw new ForbiddenError('当前角色不查看疑难个案').refusing({ action: 'escalation.list', childId: child.id, reason: decision.denial });
  }
  const escalations = await ports.escalations.listOfChild(child.id, CHILD_ESCALATIONS_LIMIT);
  const [{ users }] = await Promise.all([
    ports.records.read({ users: trailUserIdsOf(escalations) }),
    ports.audit.record([auditEntryOf(ports, actor, 'escalation.list', child.id, 'allowed')]),
  ]);
  return { actor, child, escalations, names: namesOf(users), now: ports.clock() };
}
