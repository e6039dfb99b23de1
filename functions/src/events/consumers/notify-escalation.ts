import type { Child } from '../../domain/child.js';
import type { Escalation } from '../../domain/escalation.js';
import type { EscalationLevel } from '../../domain/escalation-levels.js';
import { messageIdOf, type InboxMessage, type InboxOwner } from '../../domain/inbox.js';
import { escalationArrivedText, escalationInformedText, escalationOverdueText } from '../../notify/escalation-messages.js';
import type { AddressedMessage } from '../../store/event-ports.js';
import type { EventOf } from '../domain-events.js';
import type { ConsumerName } from '../rules.js';
import { consumerOfEach, type Consumer, type ConsumerOutcome, type ConsumerPorts } from './consumer.js';

export const NOTIFY_ESCALATION = 'notifyEscalation' satisfies ConsumerName;

/**
 * Who holds a case at a level (R6): at the town the supervisor who leads the child's team (R1), or every supervisor
 * of the town while it has none; at the district and the city, every officer of it.
 */
export function holdersOf(level: EscalationLevel, child: Pick<Child, 'team'>, escalation: Pick<Escalation, 'path'>): InboxOwner {
  switch (level) {
    case 'town':
      return child.team ? { kind: 'user', userId: child.team.supervisorId } : { kind: 'town', townId: escalation.path.townId };
    case 'district':
      return { kind: 'district', districtId: escalation.path.districtId };
    case 'city':
      return { kind: 'city', cityId: escalation.path.cityId };
  }
}

/**
 * Told when it goes to the town: the children's directors of the village where it was raised (through the village's
 * inbox, as for disputes: whoever is the director when it is read) and the social organization that serves the child.
 */
function informedOf(child: Pick<Child, 'organizationId'>, escalation: Pick<Escalation, 'path'>): InboxOwner[] {
  const village: InboxOwner = { kind: 'village', villageId: escalation.path.villageId };
  const organization: InboxOwner[] = child.organizationId ? [{ kind: 'organization', organizationId: child.organizationId }] : [];
  return [village, ...organization];
}

/**
 * EscalationRaised → the inbox of whoever holds the case at that level, with the deadline (and at the town, the
 * director and the organization); EscalationOverdue → a reminder to the level that let its deadline pass. Messages
 * and the processed record are one transaction.
 */
export function notifyEscalation(ports: ConsumerPorts): Consumer {
  async function deliver(
    event: EventOf<'EscalationRaised'> | EventOf<'EscalationOverdue'>,
    addressed: (child: Child, escalation: Escalation) => { owner: InboxOwner; text: string }[],
  ): Promise<ConsumerOutcome> {
    const [escalation, child] = await Promise.all([ports.escalations.get(event.detail.escalationId), ports.children.get(event.detail.childId)]);
    // A case that never reached the event's level is one the event does not describe: a sign to look, not to retry.
    if (escalation === null || child === null || !escalation.levels.some((state) => state.level === event.detail.level)) return 'nothingToDo';
    const kind: InboxMessage['kind'] = event.detailType === 'EscalationRaised' ? 'escalationRaised' : 'escalationOverdue';
    const messages: AddressedMessage[] = addressed(child, escalation).map(({ owner, text }) => ({
      owner,
      message: {
        id: messageIdOf(new Date(event.occurredAt), ports.newId()),
        at: event.occurredAt,
        kind,
        childId: child.id,
        visitId: null,
        escalationId: escalation.id,
        digest: null,
        text,
        readAt: null,
      },
    }));
    const receipt = { consumer: NOTIFY_ESCALATION, eventId: event.id, at: ports.clock() };
    return (await ports.inbox.deliverOnce(receipt, messages)) === 'delivered' ? 'acted' : 'duplicate';
  }

  return consumerOfEach(NOTIFY_ESCALATION, {
    EscalationRaised: (event) =>
      deliver(event, (child, escalation) => [
        { owner: holdersOf(event.detail.level, child, escalation), text: escalationArrivedText(child, { ...escalation, level: event.detail.level }) },
        ...(event.detail.level === 'town' ? informedOf(child, escalation).map((owner) => ({ owner, text: escalationInformedText(child, escalation) })) : []),
      ]),
    EscalationOverdue: (event) =>
      deliver(event, (child, escalation) => [
        { owner: holdersOf(event.detail.level, child, escalation), text: escalationOverdueText(child, escalation, event.detail.level) },
      ]),
  });
}
