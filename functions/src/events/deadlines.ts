import { deadlineIdOf, type DeadlineSubject } from '../domain/deadline.js';
import type { EscalationLevel } from '../domain/escalation-levels.js';
import type { ScheduledDeadline } from '../store/event-ports.js';
import { newEvent } from './domain-events.js';

/**
 * The timer for what `subject` must have done by `fireAt`, with the event it fires. The event's id is the deadline's,
 * and it occurs at `fireAt`: a timer fired twice (EventBridge Scheduler delivers at least once) is one event, which
 * each consumer acts on once.
 */
export function acknowledgeDeadlineOf(watch: { subject: DeadlineSubject; subjectId: string; level: EscalationLevel }, fireAt: Date): ScheduledDeadline {
  const id = deadlineIdOf(watch.subject, watch.subjectId, watch.level, 'acknowledge');
  return {
    id,
    fireAt,
    event: newEvent(
      'DeadlineReached',
      { deadlineId: id, subject: watch.subject, subjectId: watch.subjectId, level: watch.level, due: 'acknowledge' },
      { id, occurredAt: fireAt, actorId: 'system' },
    ),
  };
}
