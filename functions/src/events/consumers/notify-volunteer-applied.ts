import { messageIdOf, type InboxMessage } from '../../domain/inbox.js';
import { VOLUNTEER_APPLIED_TEXT } from '../../notify/volunteer-messages.js';
import type { ConsumerName } from '../rules.js';
import { consumerOf, type Consumer, type ConsumerPorts } from './consumer.js';

export const NOTIFY_VOLUNTEER_APPLIED = 'notifyVolunteerApplied' satisfies ConsumerName;

/**
 * VolunteerApplied → the inbox of the organization the volunteer chose, which its admin reads (access/inbox-access.ts),
 * once however often the event comes. The message names nobody: the review list shows the applicant.
 */
export function notifyVolunteerApplied(ports: ConsumerPorts): Consumer {
  return consumerOf(NOTIFY_VOLUNTEER_APPLIED, 'VolunteerApplied', async (event) => {
    const message: InboxMessage = {
      id: messageIdOf(new Date(event.occurredAt), ports.newId()),
      at: event.occurredAt,
      kind: 'volunteerApplied',
      childId: null,
      visitId: null,
      escalationId: null,
      digest: null,
      text: VOLUNTEER_APPLIED_TEXT,
      readAt: null,
    };
    const receipt = { consumer: NOTIFY_VOLUNTEER_APPLIED, eventId: event.id, at: ports.clock() };
    const owner = { kind: 'organization' as const, organizationId: event.detail.organizationId };
    const outcome = await ports.inbox.deliverOnce(receipt, [{ owner, message }]);
    return outcome === 'delivered' ? 'acted' : 'duplicate';
  });
}
