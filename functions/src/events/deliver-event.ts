import type { Consumer, ConsumerOutcome } from './consumers/index.js';
import { domainEventSchema, EVENT_SOURCE } from './domain-events.js';

/** What a bus hands a target: EventBridge's envelope fields and the detail as it travelled (JSON). */
export interface DeliveredEvent {
  /** The bus's id of this delivery (EventBridge gives a re-sent entry a new one): for logs only. */
  busEventId: string;
  source: string;
  detailType: string;
  detail: unknown;
}

/**
 * A delivered event that is not one of ours: wrong source, a detail the union refuses (an unknown kind, a missing
 * id, a field such as a name that an event must never carry), or a detail-type that disagrees with the detail. It
 * says where the detail is wrong, never what it holds.
 */
export class InvalidEventError extends Error {
  override readonly name = 'InvalidEventError';
  constructor(
    readonly busEventId: string,
    readonly problems: string[],
  ) {
    super(`Event ${busEventId} refused: ${problems.join('; ')}`);
  }
}

/**
 * The one way into a consumer, for the Lambda entry and the local bus alike: the detail is validated with the
 * domain event union (strict: ids only), then the consumer acts on it at most once.
 */
export async function deliverEvent(consumer: Consumer, delivered: DeliveredEvent): Promise<{ eventId: string; outcome: ConsumerOutcome }> {
  if (delivered.source !== EVENT_SOURCE) throw new InvalidEventError(delivered.busEventId, ['source']);
  const parsed = domainEventSchema.safeParse(delivered.detail);
  if (!parsed.success) {
    throw new InvalidEventError(
      delivered.busEventId,
      parsed.error.issues.map((issue) => `${['detail', ...issue.path.map(String)].join('.')} (${issue.code})`),
    );
  }
  if (parsed.data.detailType !== delivered.detailType) throw new InvalidEventError(delivered.busEventId, ['detail-type']);
  return { eventId: parsed.data.id, outcome: await consumer(parsed.data) };
}
