import { guardianUserIdsOf } from '../../domain/child.js';
import { collectionDueOn } from '../../domain/case-deadlines.js';
import { messageIdOf, type CaseNotice, type InboxMessage } from '../../domain/inbox.js';
import { caseClosedText, caseClosingText, collectChildText } from '../../notify/case-notice-messages.js';
import type { EventOf } from '../domain-events.js';
import type { ConsumerName } from '../rules.js';
import { consumerOfEach, type Consumer, type ConsumerOutcome, type ConsumerPorts } from './consumer.js';

export const NOTIFY_FAMILY_OF_CASE = 'notifyFamilyOfCase' satisfies ConsumerName;

type CaseEvent = EventOf<'StateGuardianshipRecorded' | 'CaseClosingAnnounced' | 'CaseClosed'>;

/**
 * R22 and R15: the child's guardians with an account read in their inbox that they must collect the child (an
 * evaluation cleared the return home: within three days), that the case will close, and that it closed. Once however
 * often the event comes (the inbox's processed record); the dates come from the event, the child's name from the
 * record as it is now.
 */
export function notifyFamilyOfCase(ports: ConsumerPorts): Consumer {
  async function deliver(event: CaseEvent, kind: InboxMessage['kind'], caseNotice: CaseNotice, textOf: (child: { name: string }) => string): Promise<ConsumerOutcome> {
    const child = await ports.children.get(event.detail.childId);
    if (child === null) return 'nothingToDo';
    const guardians = guardianUserIdsOf(child);
    // A family without an account is told in person by the team (the announcement records how).
    if (guardians.length === 0) return 'notApplicable';
    const message: InboxMessage = {
      id: messageIdOf(new Date(event.occurredAt), ports.newId()),
      at: event.occurredAt,
      kind,
      childId: child.id,
      visitId: null,
      escalationId: null,
      digest: null,
      caseNotice,
      text: textOf(child),
      readAt: null,
    };
    const receipt = { consumer: NOTIFY_FAMILY_OF_CASE, eventId: event.id, at: ports.clock() };
    const outcome = await ports.inbox.deliverOnce(receipt, guardians.map((userId) => ({ owner: { kind: 'user' as const, userId }, message })));
    return outcome === 'delivered' ? 'acted' : 'duplicate';
  }

  return consumerOfEach(NOTIFY_FAMILY_OF_CASE, {
    StateGuardianshipRecorded: (event) => {
      // Only a cleared evaluation asks something of the family; placement and collection they were part of.
      if (event.detail.step !== 'evaluated' || event.detail.cleared !== true) return Promise.resolve('notApplicable');
      const collectBy = collectionDueOn(event.detail.on);
      return deliver(event, 'stateGuardianshipCleared', { on: collectBy, followUpEndsOn: null }, (child) => collectChildText(child, collectBy));
    },
    CaseClosingAnnounced: (event) =>
      deliver(event, 'caseClosingAnnounced', { on: event.detail.earliestClosingOn, followUpEndsOn: null }, (child) =>
        caseClosingText(child, event.detail.earliestClosingOn),
      ),
    CaseClosed: (event) =>
      deliver(event, 'caseClosed', { on: event.detail.closedOn, followUpEndsOn: event.detail.followUpEndsOn }, (child) =>
        caseClosedText(child, event.detail.closedOn, event.detail.followUpEndsOn),
      ),
  });
}
