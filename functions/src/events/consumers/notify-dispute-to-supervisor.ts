import { messageIdOf } from '../../domain/inbox.js';
import type { InboxOwner } from '../../store/ports.js';
import { disputeAlertText } from '../../notify/visit-messages.js';
import type { ConsumerName } from '../rules.js';
import { consumerOf, readVisitOfEvent, type Consumer, type ConsumerPorts } from './consumer.js';

export const NOTIFY_DISPUTE_TO_SUPERVISOR = 'notifyDisputeToSupervisor' satisfies ConsumerName;

/**
 * VisitDisputed → the inbox of the supervisor who leads the child's team (R1), or the town's inbox (every
 * supervisor of the town) while the child has no team. The team is the child's as it is now, so a dispute reaches
 * whoever leads the child when the message is written.
 */
export function notifyDisputeToSupervisor(ports: ConsumerPorts): Consumer {
  return consumerOf(NOTIFY_DISPUTE_TO_SUPERVISOR, 'VisitDisputed', async (event) => {
    const found = await readVisitOfEvent(ports, event.detail);
    if (found === null) return 'nothingToDo';
    const { child, visit } = found;
    const owner: InboxOwner = child.team
      ? { kind: 'user', userId: child.team.supervisorId }
      : { kind: 'town', townId: child.region.townId };
    const message = {
      id: messageIdOf(new Date(event.occurredAt), ports.newId()),
      at: event.occurredAt,
      kind: 'visitDisputed' as const,
      childId: child.id,
      visitId: visit.id,
      escalationId: null,
      text: disputeAlertText(child, visit),
      readAt: null,
    };
    const receipt = { consumer: NOTIFY_DISPUTE_TO_SUPERVISOR, eventId: event.id, at: ports.clock() };
    return (await ports.inbox.deliverOnce(receipt, [{ owner, message }])) === 'delivered' ? 'acted' : 'duplicate';
  });
}
