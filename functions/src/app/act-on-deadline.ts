import { raiseConcern } from '../domain/concern-lifecycle.js';
import { VersionConflictError } from '../domain/errors.js';
import { remindOverdue } from '../domain/escalation-lifecycle.js';
import { newEvent, type EventOf } from '../events/domain-events.js';
import type { ActOnDeadlinePorts } from './escalation-ports.js';

/** 'acted': raised or marked overdue; 'notDue': what was due was done meanwhile (or already acted on); 'gone'. */
export type DeadlineOutcome = 'acted' | 'notDue' | 'gone';

type Deadline = EventOf<'DeadlineReached'>['detail'];

const MAX_ATTEMPTS = 3;

/**
 * A deadline fired (issue 8, part 5), handled by the product itself. An urgent report still unacknowledged is raised
 * to the town's supervisor, then to the district (part 3); a difficult case its level has not acknowledged is marked
 * overdue, and EscalationOverdue's consumer reminds the level. Each decision is made on the record as read and
 * written under its version, so a deadline delivered twice acts once: the second finds it done. A step someone took
 * at the same moment is read again and decided again.
 */
export async function actOnDeadline(ports: ActOnDeadlinePorts, deadline: Deadline): Promise<DeadlineOutcome> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return deadline.subject === 'concern' ? await raiseUnacknowledgedConcern(ports, deadline) : await markOverdueEscalation(ports, deadline);
    } catch (error) {
      if (!(error instanceof VersionConflictError) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}

async function raiseUnacknowledgedConcern(ports: ActOnDeadlinePorts, deadline: Deadline): Promise<DeadlineOutcome> {
  const concern = await ports.concerns.get(deadline.subjectId);
  if (concern === null) return 'gone';
  const now = ports.clock();
  const raised = raiseConcern(concern, now);
  // Only the raise this deadline watches: the town's deadline never raises to the district by firing twice.
  if (raised === null || raised.raisedTo !== deadline.level) return 'notDue';
  const to = raised.raisedTo;
  const event = newEvent(
    'ConcernRaised',
    { concernId: concern.id, townId: concern.path.townId, districtId: concern.path.districtId, to },
    { id: ports.newId(), occurredAt: now, actorId: 'system' },
  );
  await ports.concerns.update({ previousVersion: concern.version, concern: raised, audit: null, events: [event] });
  return 'acted';
}

async function markOverdueEscalation(ports: ActOnDeadlinePorts, deadline: Deadline): Promise<DeadlineOutcome> {
  const escalation = await ports.escalations.get(deadline.subjectId);
  if (escalation === null) return 'gone';
  const now = ports.clock();
  const reminded = remindOverdue(escalation, deadline.level, now);
  if (reminded === null) return 'notDue';
  const event = newEvent(
    'EscalationOverdue',
    { escalationId: escalation.id, childId: escalation.childId, level: deadline.level },
    { id: ports.newId(), occurredAt: now, actorId: 'system' },
  );
  await ports.escalations.update({ previousVersion: escalation.version, escalation: reminded, audit: null, events: [event] });
  return 'acted';
}
