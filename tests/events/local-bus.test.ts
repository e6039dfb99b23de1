import { describe, expect, it } from 'vitest';
import type { Consumer, ConsumerOutcome } from '../../functions/src/events/consumers/index.js';
import type { DomainEvent } from '../../functions/src/events/domain-events.js';
import { createLocalBus } from '../../functions/src/events/local-bus.js';
import { EVENT_RULES, type ConsumerName } from '../../functions/src/events/rules.js';
import { eventOf } from './support/events.js';
import { captureLogs } from './support/logs.js';

/** The bus of `npm start`: the rules of rules.ts applied in process, failures retried and kept in view. */
function recordingConsumers(behaviour: (name: ConsumerName, event: DomainEvent) => Promise<ConsumerOutcome> = async () => 'acted') {
  const received: { consumer: ConsumerName; event: DomainEvent }[] = [];
  const consumer = (name: ConsumerName): Consumer => (event) => {
    received.push({ consumer: name, event });
    return behaviour(name, event);
  };
  const consumers = Object.fromEntries(EVENT_RULES.map((rule) => [rule.consumer, consumer(rule.consumer)])) as Record<ConsumerName, Consumer>;
  return { consumers, received };
}

const QUICK = { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 };

describe('the local bus', () => {
  it('hands a VisitDisputed to the consumer its rule names, and only to it', async () => {
    const { consumers, received } = recordingConsumers();
    const bus = createLocalBus({ consumers, logger: captureLogs().logger });
    const event = eventOf('VisitDisputed');

    const result = await bus.publish([event]);

    expect(result).toEqual({ published: [event.id], failed: [] });
    expect(received).toEqual([{ consumer: 'notifyDisputeToSupervisor', event }]);
  });

  it('routes each event by the same patterns the stack gives EventBridge', async () => {
    const { consumers, received } = recordingConsumers();
    const bus = createLocalBus({ consumers, logger: captureLogs().logger });
    const events = [eventOf('VisitDisputed'), eventOf('DisputeResolved'), eventOf('VisitRecorded')];

    await bus.publish(events);

    const expected = events.flatMap((event) =>
      EVENT_RULES.filter((rule) => (rule.pattern.detailType as readonly string[]).includes(event.detailType)).map((rule) => ({ consumer: rule.consumer, event })),
    );
    expect(received).toEqual(expected);
    expect(received.map((r) => r.consumer)).toEqual(['notifyDisputeToSupervisor', 'notifyDisputeOutcome', 'openConcernFromVisitProblems']);
  });

  it('drops an event no rule matches, as EventBridge does: nobody is called and nothing fails', async () => {
    const { consumers, received } = recordingConsumers();
    const bus = createLocalBus({ consumers, logger: captureLogs().logger });
    const unmatched = [eventOf('VisitConfirmed'), eventOf('VisitCorrected'), eventOf('ConcernStepped')];

    const result = await bus.publish(unmatched);

    expect(received).toEqual([]);
    expect(result.failed).toEqual([]);
    expect(bus.deadLetters()).toEqual([]);
  });

  it('retries a failing consumer, then keeps the failure in view and logs it by ids', async () => {
    let calls = 0;
    const { consumers } = recordingConsumers(async () => {
      calls += 1;
      throw Object.assign(new Error('DynamoDB Local is down'), { name: 'NetworkingError' });
    });
    const logs = captureLogs();
    const bus = createLocalBus({ consumers, logger: logs.logger, retry: QUICK });
    const event = eventOf('VisitDisputed');

    await bus.publish([event]);

    expect(calls).toBe(QUICK.maxAttempts);
    expect(bus.deadLetters()).toEqual([{ rule: 'DisputeToSupervisor', eventId: event.id, detailType: 'VisitDisputed', errorName: 'NetworkingError' }]);
    expect(logs.lines).toContainEqual(expect.objectContaining({ level: 'error', message: 'event delivery failed', fields: expect.objectContaining({ eventId: event.id }) }));
  });

  it('delivers after a failure that passes', async () => {
    let calls = 0;
    const { consumers } = recordingConsumers(async () => {
      calls += 1;
      if (calls === 1) throw new Error('once');
      return 'acted';
    });
    const bus = createLocalBus({ consumers, logger: captureLogs().logger, retry: QUICK });

    await bus.publish([eventOf('DisputeResolved')]);

    expect(calls).toBe(2);
    expect(bus.deadLetters()).toEqual([]);
  });
});
