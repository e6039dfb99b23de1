import { acknowledgeLimitsOf, urgentConcernAcknowledgeBy } from '../../domain/acknowledge-limits.js';
import type { ScheduledDeadline } from '../../store/event-ports.js';
import { acknowledgeDeadlineOf } from '../deadlines.js';
import type { EventOf } from '../domain-events.js';
import type { ConsumerName } from '../rules.js';
import { consumerOfEach, type Consumer, type ConsumerOutcome, type ConsumerPorts } from './consumer.js';

export const SCHEDULE_DEADLINES = 'scheduleDeadlines' satisfies ConsumerName;

/**
 * Timers are started by events (issue 8, part 5): an urgent report must be acknowledged within the district's limit
 * (else it is raised to the supervisor, and after another limit to the district); a difficult case raised to a level
 * must be acknowledged there by the deadline its record holds. The timer is named by what it watches, so an event
 * delivered twice asks for one timer.
 */
export function scheduleDeadlines(ports: ConsumerPorts): Consumer {
  async function schedule(deadline: ScheduledDeadline): Promise<ConsumerOutcome> {
    return (await ports.deadlines.schedule(deadline)) === 'scheduled' ? 'acted' : 'duplicate';
  }

  async function concernDeadline(event: EventOf<'ConcernReported'> | EventOf<'ConcernRaised'>, level: 'town' | 'district') {
    const limits = acknowledgeLimitsOf(await ports.policies.get(event.detail.districtId));
    const fireAt = urgentConcernAcknowledgeBy(new Date(event.occurredAt), limits);
    return schedule(acknowledgeDeadlineOf({ subject: 'concern', subjectId: event.detail.concernId, level }, fireAt));
  }

  return consumerOfEach(SCHEDULE_DEADLINES, {
    ConcernReported: async (event) => (event.detail.urgent ? concernDeadline(event, 'town') : 'notApplicable'),
    // Raised to the town's supervisor, it is watched once more: unacknowledged again, it goes to the district.
    ConcernRaised: async (event) => (event.detail.to === 'town' ? concernDeadline(event, 'district') : 'notApplicable'),
    EscalationRaised: async (event) => {
      const escalation = await ports.escalations.get(event.detail.escalationId);
      const state = escalation?.levels.find((s) => s.level === event.detail.level);
      if (!state) return 'nothingToDo';
      if (state.acknowledgedAt !== null) return 'notApplicable';
      return schedule(acknowledgeDeadlineOf({ subject: 'escalation', subjectId: escalation!.id, level: state.level }, new Date(state.acknowledgeBy)));
    },
  });
}
