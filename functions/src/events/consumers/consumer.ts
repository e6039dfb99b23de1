import type { DeadlineOutcome } from '../../app/act-on-deadline.js';
import type { PolicyRefreshStep } from '../../app/continue-policy-refresh.js';
import type { Activity } from '../../domain/activity.js';
import type { Child } from '../../domain/child.js';
import type { Escalation } from '../../domain/escalation.js';
import { messageIdOf, type InboxMessage, type InboxOwner } from '../../domain/inbox.js';
import type { Visit } from '../../domain/visit.js';
import type { DeadlineScheduler, InboxDelivery } from '../../store/event-ports.js';
import type { ConcernRepository, EffectivePolicy } from '../../store/ports.js';
import type { DomainEvent, DomainEventType, EventOf } from '../domain-events.js';

/**
 * A consumer acts on one event at most once (RELIABILITY.md: EventBridge and Lambda deliver at least once): its
 * effect and its processed record go in one transaction, or its effect is named by the event (a deadline's timer)
 * or checked against the record it changes (a fired deadline). 'duplicate': it had acted already and did nothing;
 * 'notApplicable': the event is of its kind but asks nothing of it now (a visit without problems found, a report
 * that is not urgent, a deadline met meanwhile); 'nothingToDo': what the event is about is gone (a record never
 * deleted today, so a sign to look, not to retry).
 */
export type ConsumerOutcome = 'acted' | 'duplicate' | 'notApplicable' | 'nothingToDo';

export type Consumer = (event: DomainEvent) => Promise<ConsumerOutcome>;

/**
 * The ports the consumers use: reads by key (the consumer functions may get and put items, nothing more), the inbox
 * channel, the timers, the use case a fired deadline runs as the system, and the job that recomputes a district's
 * children under its new policy (whose function may also walk the district: rules.ts).
 */
export interface ConsumerPorts {
  children: { get(id: string): Promise<Child | null> };
  visits: { get(childId: string, visitId: string): Promise<Visit | null> };
  escalations: { get(id: string): Promise<Escalation | null> };
  activities: { get(id: string): Promise<Activity | null> };
  policies: { get(districtId: string): Promise<EffectivePolicy> };
  inbox: InboxDelivery;
  concerns: Pick<ConcernRepository, 'create'>;
  deadlines: DeadlineScheduler;
  actOnDeadline: (deadline: EventOf<'DeadlineReached'>['detail']) => Promise<DeadlineOutcome>;
  refreshPolicy: (target: EventOf<'PolicyChanged'>['detail']) => Promise<PolicyRefreshStep>;
  newId: () => string;
  clock: () => Date;
}

export class UnexpectedEventError extends Error {
  override readonly name = 'UnexpectedEventError';
  constructor(consumer: string, event: DomainEvent) {
    super(`${consumer} does not take ${event.detailType} (event ${event.id}): its rule should not route it here`);
  }
}

/** A consumer of one kind of event: any other kind is a routing mistake, refused loudly. */
export function consumerOf<T extends DomainEventType>(
  name: string,
  detailType: T,
  act: (event: EventOf<T>) => Promise<ConsumerOutcome>,
): Consumer {
  return (event) => {
    if (event.detailType !== detailType) return Promise.reject(new UnexpectedEventError(name, event));
    return act(event as EventOf<T>);
  };
}

/** A consumer of a few kinds of event, one handler each: any other kind is a routing mistake, refused loudly. */
export function consumerOfEach<T extends DomainEventType>(
  name: string,
  handlers: { [K in T]: (event: EventOf<K>) => Promise<ConsumerOutcome> },
): Consumer {
  return (event) => {
    const handler = (handlers as Partial<Record<DomainEventType, (event: DomainEvent) => Promise<ConsumerOutcome>>>)[event.detailType];
    return handler ? handler(event) : Promise.reject(new UnexpectedEventError(name, event));
  };
}

/** The child and the visit an event names, read together; null when either is gone. */
export async function readVisitOfEvent(
  ports: Pick<ConsumerPorts, 'children' | 'visits'>,
  detail: { childId: string; visitId: string },
): Promise<{ child: Child; visit: Visit } | null> {
  const [child, visit] = await Promise.all([ports.children.get(detail.childId), ports.visits.get(detail.childId, detail.visitId)]);
  return child && visit ? { child, visit } : null;
}

/**
 * Delivers one message about the event's visit to each of these inboxes, once however often the event comes. Every
 * copy has the same id, so a reader of two of those inboxes sees it once.
 */
export async function deliverAboutVisit(
  ports: Pick<ConsumerPorts, 'inbox' | 'newId' | 'clock'>,
  consumer: string,
  event: DomainEvent,
  owners: readonly InboxOwner[],
  message: Pick<InboxMessage, 'kind' | 'childId' | 'visitId' | 'text'>,
): Promise<ConsumerOutcome> {
  const delivered: InboxMessage = { id: messageIdOf(new Date(event.occurredAt), ports.newId()), at: event.occurredAt, readAt: null, escalationId: null, digest: null, ...message };
  const receipt = { consumer, eventId: event.id, at: ports.clock() };
  const outcome = await ports.inbox.deliverOnce(receipt, owners.map((owner) => ({ owner, message: delivered })));
  return outcome === 'delivered' ? 'acted' : 'duplicate';
}

