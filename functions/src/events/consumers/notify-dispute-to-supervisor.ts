import { disputeAlertRecipients } from '../../domain/access-policy.js';
import { messageIdOf } from '../../domain/inbox.js';
import { disputeAlertText } from '../../notify/visit-messages.js';
import type { ConsumerName } from '../rules.js';
import { consumerOf, readVisitOfEvent, type Consumer, type ConsumerPorts } from './consumer.js';

export const NOTIFY_DISPUTE_TO_SUPERVISOR = 'notifyDisputeToSupervisor' satisfies ConsumerName;

/**
 * VisitDisputed → the inbox of the supervisor who leads the child's team (R1), or the town's inbox (every
 * supervisor of the town) while the child has no team, and the village's directors' (the access policy's
 * disputeAlertRecipients). The team is the child's as it is now, so a dispute reaches whoever leads the child when
 * the message is written. One message id for every copy.
 */
export function notifyDisputeToSupervisor(ports: ConsumerPorts): Consumer {
  return consumerOf(NOTIFY_DISPUTE_TO_SUPERVISOR, 'VisitDisputed', async (event) => {
    const found = await readVisitOfEvent(ports, event.detail);
    if (found === null) return 'nothingToDo';
    const { child, visit } = found;
    const message = {
      id: messageIdOf(new Date(event.occurredAt), ports.newId()),
      at: event.occurredAt,
      kind: 'visitDisputed' as const,
      childId: child.id,
      visitId: visit.id,
      text: disputeAlertText(child, visit),
      readAt: null,
    };
    const messages = disputeAlertRecipients(child).map((owner) => ({ owner, message }));
    const receipt = { consumer: NOTIFY_DISPUTE_TO_SUPERVISOR, eventId: event.id, at: ports.clock() };
    return (await ports.inbox.deliverOnce(receipt, messages)) === 'delivered' ? 'acted' : 'duplicate';
  });
}
