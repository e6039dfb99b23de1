import type { Child } from '../domain/child.js';
import type { Escalation } from '../domain/escalation.js';
import type { Actor, Principal } from '../domain/user.js';
import { actorFrom } from './actor.js';
import { auditEntryOf } from './audit-entry.js';
import { handledEscalation, trailUserIdsOf } from './escalation-guards.js';
import type { ReadEscalationPorts } from './escalation-ports.js';
import { namesOf } from './participant-names.js';

export interface EscalationRead {
  actor: Actor;
  escalation: Escalation;
  child: Child;
  /** Who took each step, by account. */
  names: Map<string, string>;
}

/**
 * A case with its trail, for those who work the child's case; audited like a read of the child's record. The user
 * and the case in parallel, then the child (who may read it follows the child as it is now) with the trail's names.
 */
export async function readEscalation(ports: ReadEscalationPorts, principal: Principal, escalationId: string): Promise<EscalationRead> {
  const [found, stored] = await Promise.all([ports.records.read({ users: [principal.userId] }), ports.escalations.get(escalationId)]);
  const actor = actorFrom(principal, found.users.get(principal.userId));
  const related = stored === null ? null : await ports.records.read({ child: stored.childId, users: trailUserIdsOf([stored]) });
  const escalation = handledEscalation(actor, stored, related?.child ?? null, 'read', 'escalation.read');
  await ports.audit.record([auditEntryOf(ports, actor, 'escalation.read', escalation.childId, 'allowed')]);
  return { actor, escalation, child: related!.child!, names: namesOf(related!.users) };
}
