import { pauseBeforeAttempt, type RetryPolicy } from './backoff.js';
import type { Consumer } from './consumers/index.js';
import { deliverEvent } from './deliver-event.js';
import { EVENT_SOURCE } from './domain-events.js';
import type { EventPublisher } from './event-publisher.js';
import type { EventsLogger } from './events-logger.js';
import { EVENT_RULES, rulesMatching, type ConsumerName, type EventRule } from './rules.js';

/** A delivery that failed every attempt: kept in view (and logged) like a message in a rule's dead-letter queue. */
export interface DeadLetter {
  rule: string;
  eventId: string;
  detailType: string;
  errorName: string;
}

export interface LocalBus extends EventPublisher {
  deadLetters(): readonly DeadLetter[];
}

/** Shorter than EventBridge's 24 hours: on one machine a failure should show while someone is looking. */
export const LOCAL_DELIVERY_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 100, maxDelayMs: 1_000 };

/**
 * The product's bus on one machine (STACK-NOTES.md: EventBridge has no local engine). It routes with the same rules
 * as the stack (rules.ts) and hands each consumer the detail as JSON, through the same validation as the consumer
 * Lambda. An event no rule matches goes nowhere, as on AWS.
 *
 * Unlike PutEvents, `publish` returns once every matching consumer has run (or failed every attempt): the relay
 * marks an event sent only after its consumers had it, so stopping `npm start` at any moment loses no event.
 */
export function createLocalBus(deps: {
  consumers: Record<ConsumerName, Consumer>;
  logger: EventsLogger;
  rules?: readonly EventRule[];
  retry?: RetryPolicy;
}): LocalBus {
  const { consumers, logger, rules = EVENT_RULES, retry = LOCAL_DELIVERY_RETRY } = deps;
  const deadLetters: DeadLetter[] = [];
  let deliveries = 0;

  async function deliver(rule: EventRule, detail: string, detailType: string, eventId: string): Promise<void> {
    const consumer = consumers[rule.consumer as ConsumerName];
    const busEventId = `local-${(deliveries += 1)}`;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const { outcome } = await deliverEvent(consumer, { busEventId, source: EVENT_SOURCE, detailType, detail: JSON.parse(detail) });
        (outcome === 'nothingToDo' ? logger.warn : logger.info)('event consumed', { rule: rule.name, eventId, outcome });
        return;
      } catch (error) {
        const errorName = (error as Error | undefined)?.name ?? 'Error';
        if (attempt >= retry.maxAttempts) {
          deadLetters.push({ rule: rule.name, eventId, detailType, errorName });
          logger.error('event delivery failed', { rule: rule.name, eventId, detailType, attempts: attempt, error });
          return;
        }
        await pauseBeforeAttempt(retry, attempt + 1);
      }
    }
  }

  return {
    async publish(events) {
      await Promise.all(
        events.flatMap((event) =>
          rulesMatching({ source: EVENT_SOURCE, detailType: event.detailType }, rules).map((rule) =>
            deliver(rule, JSON.stringify(event), event.detailType, event.id),
          ),
        ),
      );
      return { published: events.map((event) => event.id), failed: [] };
    },
    deadLetters: () => [...deadLetters],
  };
}
