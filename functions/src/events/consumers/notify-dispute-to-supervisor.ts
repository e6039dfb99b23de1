import { disputeAlertRecipients } from '../../domain/access-policy.js';
import { disputeAlertText } from '../../notify/visit-messages.js';
import type { ConsumerName } from '../rules.js';
import { consumerOf, deliverAboutVisit, readVisitOfEvent, type Consumer, type ConsumerPorts } from './consumer.js';

export const NOTIFY_DISPUTE_TO_SUPERVISOR = 'notifyDisputeToSupervisor' satisfies ConsumerName;

/**
 * VisitDisputed → the inbox of the supervisor who leads the child's team (R1), or the town's inbox (every
 * supervisor of the town) while the child has no team, and the village's directors' (the access policy's
 * disputeAlertRecipients). The team is the child's as it is now, so a dispute reaches whoever leads the child when
 * the message is written. (The consumer keeps its first name: its processed records are kept under it.)
 */
export function notifyDisputeToSupervisor(ports: ConsumerPorts): Consumer {
  return consumerOf(NOTIFY_DISPUTE_TO_SUPERVISOR, 'VisitDisputed', async (event) => {
    const found = await readVisitOfEvent(ports, event.detail);
    if (found === null) return 'nothingToDo';
    const { child, visit } = found;
    return deliverAboutVisit(ports, NOTIFY_DISPUTE_TO_SUPERVISOR, event, disputeAlertRecipients(child), {
      kind: 'visitDisputed',
      childId: child.id,
      visitId: visit.id,
      text: disputeAlertText(child, visit),
    });
  });
}
