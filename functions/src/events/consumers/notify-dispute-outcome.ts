import { guardianUserIdsOf } from '../../domain/child.js';
import { messageIdOf } from '../../domain/inbox.js';
import { disputeOutcomeText } from '../../notify/visit-messages.js';
import type { AddressedMessage } from '../../store/event-ports.js';
import type { ConsumerName } from '../rules.js';
import { consumerOf, readVisitOfEvent, type Consumer, type ConsumerPorts } from './consumer.js';

export const NOTIFY_DISPUTE_OUTCOME = 'notifyDisputeOutcome' satisfies ConsumerName;

/**
 * DisputeResolved → the worker who recorded the visit and each guardian of the child who has an account, each in
 * their own inbox, with the outcome (核实属实 / 与记录不符 / 已安排重新走访).
 */
export function notifyDisputeOutcome(ports: ConsumerPorts): Consumer {
  return consumerOf(NOTIFY_DISPUTE_OUTCOME, 'DisputeResolved', async (event) => {
    const found = await readVisitOfEvent(ports, event.detail);
    if (found === null) return 'nothingToDo';
    const { child, visit } = found;
    const text = disputeOutcomeText(child, visit, event.detail.outcome);
    const recipients = [...new Set([visit.recordedBy, ...guardianUserIdsOf(child)])];
    const messages: AddressedMessage[] = recipients.map((userId) => ({
      owner: { kind: 'user', userId },
      message: {
        id: messageIdOf(new Date(event.occurredAt), ports.newId()),
        at: event.occurredAt,
        kind: 'disputeResolved',
        childId: child.id,
        visitId: visit.id,
        escalationId: null,
        text,
        readAt: null,
      },
    }));
    const receipt = { consumer: NOTIFY_DISPUTE_OUTCOME, eventId: event.id, at: ports.clock() };
    return (await ports.inbox.deliverOnce(receipt, messages)) === 'delivered' ? 'acted' : 'duplicate';
  });
}
