import type { Concern } from '../domain/concern.js';
import { stepConcern as stepped, type ConcernStepInput } from '../domain/concern-lifecycle.js';
import type { Principal } from '../domain/user.js';
import { newEvent } from '../events/domain-events.js';
import { actorFrom } from './actor.js';
import { auditEntryOf } from './audit-entry.js';
import { handledConcern } from './concern-guards.js';
import type { StepConcernPorts } from './concern-ports.js';

/**
 * One step of a concern's handling (issue 8, part 3) by a handler of its area whose role may take it; a step from the
 * wrong status or on a version changed meanwhile is a 409. The user and the concern are read in parallel; one
 * transaction writes the step, the audit entry and ConcernStepped.
 */
export async function stepConcern(ports: StepConcernPorts, principal: Principal, concernId: string, input: ConcernStepInput): Promise<Concern> {
  const [found, stored] = await Promise.all([ports.records.read({ users: [principal.userId] }), ports.concerns.get(concernId)]);
  const actor = actorFrom(principal, found.users.get(principal.userId));
  const concern = handledConcern(actor, stored, { step: input.to }, 'concern.step');
  const now = ports.clock();
  const next = stepped(concern, input, actor.id, now);
  const childId = concern.child.kind === 'known' ? concern.child.childId : null;
  const event = newEvent(
    'ConcernStepped',
    { concernId: concern.id, childId, townId: concern.path.townId, districtId: concern.path.districtId, from: concern.status, to: next.status },
    { id: ports.newId(), occurredAt: now, actorId: actor.id },
  );
  await ports.concerns.update({
    previousVersion: concern.version,
    concern: next,
    audit: auditEntryOf(ports, actor, 'concern.step', childId, 'allowed'),
    events: [event],
  });
  return next;
}
