import { disputeOutcomeRecipients } from '../../domain/access-policy.js';
import { disputeOutcomeText } from '../../notify/visit-messages.js';
import type { ConsumerName } from '../rules.js';
import { consumerOf, deliverAboutVisit, readVisitOfEvent, type Consumer, type ConsumerPorts } from './consumer.js';

export const NOTIFY_DISPUTE_OUTCOME = 'notifyDisputeOutcome' satisfies ConsumerName;

/**
 * DisputeResolved → the visit's author, each guardian of the child who has an account and the village's directors
 * (the access policy's disputeOutcomeRecipients), each in their own inbox, with the outcome (核实属实 / 与记录不符 /
 * 已安排重新走访).
 */
export function notifyDisputeOutcome(ports: ConsumerPorts): Consumer {
  return consumerOf(NOTIFY_DISPUTE_OUTCOME, 'DisputeResolved', async (event) => {
    const found = await readVisitOfEvent(ports, event.detail);
    if (found === null) return 'nothingToDo';
    const { child, visit } = found;
    return deliverAboutVisit(ports, NOTIFY_DISPUTE_OUTCOME, event, disputeOutcomeRecipients(child, visit), {
      kind: 'disputeResolved',
      childId: child.id,
      visitId: visit.id,
      text: disputeOutcomeText(child, visit, event.detail.outcome),
    });
  });
}
