import { receiveConcern } from '../../domain/concern.js';
import { AlreadyExistsError } from '../../domain/errors.js';
import { newEvent } from '../domain-events.js';
import type { ConsumerName } from '../rules.js';
import { consumerOf, readVisitOfEvent, type Consumer, type ConsumerPorts } from './consumer.js';

export const OPEN_CONCERN_FROM_VISIT = 'openConcernFromVisitProblems' satisfies ConsumerName;

/**
 * R11 "report at once" (issue 8, part 2): the problems found at a visit open a concern for that child, from the
 * worker who recorded it, so they no longer stay in the visit record alone. The concern takes the visit's id: a second
 * delivery of the event finds it there and does nothing. Its ConcernReported goes out with it, like any report's.
 */
export function openConcernFromVisitProblems(ports: ConsumerPorts): Consumer {
  return consumerOf(OPEN_CONCERN_FROM_VISIT, 'VisitRecorded', async (event) => {
    const found = await readVisitOfEvent(ports, event.detail);
    if (found === null) return 'nothingToDo';
    const { child, visit } = found;
    if (visit.problemsFound.trim() === '') return 'notApplicable';
    const concern = receiveConcern(
      {
        id: visit.id,
        channel: 'visit',
        child: { kind: 'known', childId: child.id },
        path: child.region,
        location: visit.location,
        kinds: ['other'],
        urgent: false,
        description: visit.problemsFound,
        reporter: { userId: visit.recordedBy, name: null, phone: null },
      },
      new Date(event.occurredAt),
    );
    const reported = newEvent(
      'ConcernReported',
      {
        concernId: concern.id,
        childId: child.id,
        villageId: child.region.villageId,
        townId: child.region.townId,
        districtId: child.region.districtId,
        urgent: false,
        channel: 'visit',
      },
      { id: ports.newId(), occurredAt: ports.clock(), actorId: visit.recordedBy },
    );
    try {
      await ports.concerns.create({ concern, trackingHash: null, audit: null, events: [reported] });
      return 'acted';
    } catch (error) {
      if (error instanceof AlreadyExistsError) return 'duplicate';
      throw error;
    }
  });
}
