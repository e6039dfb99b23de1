import { acknowledgeLimitsOf } from '../domain/acknowledge-limits.js';
import type { Escalation } from '../domain/escalation.js';
import { stepEscalation as stepped, type EscalationStepInput } from '../domain/escalation-lifecycle.js';
import type { Principal } from '../domain/user.js';
import { newEvent, type DomainEvent } from '../events/domain-events.js';
import { actorFrom } from './actor.js';
import { auditEntryOf } from './audit-entry.js';
import { handledEscalation, trailUserIdsOf } from './escalation-guards.js';
import type { StepEscalationPorts } from './escalation-ports.js';
import { namesOf } from './participant-names.js';
import type { EscalationRead } from './read-escalation.js';

/**
 * One step of a case by the officer of the level that holds it (issue 8, part 4): acknowledge (which stops the
 * level's clock), resolve, or raise to the level above, timed by the district's limits. A step that does not exist
 * from here, or on a version changed meanwhile, is a 409. One transaction writes the case, the audit entry and the
 * step's event; raising again starts the next level's deadline through EscalationRaised's consumers.
 */
export async function stepEscalation(ports: StepEscalationPorts, principal: Principal, escalationId: string, input: EscalationStepInput): Promise<EscalationRead> {
  const [found, stored] = await Promise.all([ports.records.read({ users: [principal.userId] }), ports.escalations.get(escalationId)]);
  const actor = actorFrom(principal, found.users.get(principal.userId));
  const related =
    stored === null
      ? null
      : await ports.records.read({ child: stored.childId, policy: stored.path.districtId, users: [actor.id, ...trailUserIdsOf([stored])] });
  const escalation = handledEscalation(actor, stored, related?.child ?? null, input.action, 'escalation.step');
  const now = ports.clock();
  const next = stepped(escalation, input, actor.id, acknowledgeLimitsOf(related!.policy!), now);
  await ports.escalations.update({
    previousVersion: escalation.version,
    escalation: next,
    audit: auditEntryOf(ports, actor, 'escalation.step', escalation.childId, 'allowed'),
    events: [eventOfStep(next, { id: ports.newId(), occurredAt: now, actorId: actor.id })],
  });
  return { actor, escalation: next, child: related!.child!, names: namesOf(related!.users) };
}

function eventOfStep(next: Escalation, meta: { id: string; occurredAt: Date; actorId: string }): DomainEvent {
  const ids = { escalationId: next.id, childId: next.childId, level: next.level };
  switch (next.status) {
    case 'acknowledged':
      return newEvent('EscalationAcknowledged', ids, meta);
    case 'resolved':
      return newEvent('EscalationResolved', ids, meta);
    case 'raised':
      return newEvent('EscalationRaised', { ...ids, townId: next.path.townId, districtId: next.path.districtId, urgent: next.urgent }, meta);
  }
}
