import { CreateScheduleCommand, SchedulerClient, type CreateScheduleCommandInput } from '@aws-sdk/client-scheduler';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RetryPolicy } from '../../functions/src/events/backoff.js';
import { acknowledgeDeadlineOf } from '../../functions/src/events/deadlines.js';
import { createEventBridgeScheduler } from '../../functions/src/events/eventbridge-scheduler.js';
import { createEventBridgePublisher } from '../../functions/src/events/eventbridge-publisher.js';
import { fireDueDeadlines } from '../../functions/src/events/local-deadline-poller.js';
import { createOutboxRelay } from '../../functions/src/events/outbox-relay.js';
import { relayPending } from '../../functions/src/events/relay-pending.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { eventOf, writeOutbox } from './support/events.js';
import { fakeEventBridge } from './support/fake-eventbridge.js';
import { captureLogs } from './support/logs.js';

/**
 * Issue 8's events through a faulty bus: fired deadlines and the cases' events leave the outbox through PutEvents that
 * throttles some entries and fails whole requests, and each is published exactly once. A fired deadline reaches the
 * bus the same way from `npm start`'s poller (through the outbox) as from EventBridge Scheduler (its target).
 */
const QUICK: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 };
const NOW = new Date('2026-11-30T02:00:00.000Z');
let db: TestTable;

beforeEach(async () => {
  db = await createTestTable('deadline-events');
});

describe('deadlines and case events on a faulty bus', () => {
  it('are each published exactly once through throttled entries and a failed request', async () => {
    const deadlines = Array.from({ length: 12 }, (_, i) => acknowledgeDeadlineOf({ subject: 'escalation', subjectId: `e${String(i).padStart(31, '0')}`, level: 'town' }, NOW));
    for (const deadline of deadlines) await db.repositories.deadlines.schedule(deadline);
    expect(await fireDueDeadlines({ deadlines: db.repositories.deadlines, clock: () => NOW })).toHaveLength(12);
    const caseEvents = [eventOf('EscalationRaised'), eventOf('EscalationOverdue'), eventOf('ConcernRaised')];
    await writeOutbox(db, caseEvents);
    const bridge = fakeEventBridge((ids, request) =>
      request === 1 ? Object.assign(new Error('unavailable'), { name: 'ServiceUnavailableException' }) : ids.map((_, i) => (request <= 3 && i % 2 === 0 ? 'ThrottlingException' : null)),
    );
    const publisher = createEventBridgePublisher({ client: bridge.client, busName: 'shouhu', retry: QUICK });
    const relay = createOutboxRelay({ outbox: db.repositories.outbox, publisher, clock: () => NOW, logger: captureLogs().logger });

    await relayPending({ outbox: db.repositories.outbox, relay }, { pageSize: 50 });
    await relayPending({ outbox: db.repositories.outbox, relay }, { pageSize: 50 });

    const expected = [...deadlines.map((d) => d.event.id), ...caseEvents.map((e) => e.id)];
    expect(Object.fromEntries(bridge.acceptedCounts())).toEqual(Object.fromEntries(expected.map((id) => [id, 1])));
    expect(await db.repositories.outbox.listPending({ limit: 50 })).toEqual([]);
  });

  it('reach the bus as the same entry from the poller as from EventBridge Scheduler', async () => {
    const deadline = acknowledgeDeadlineOf({ subject: 'concern', subjectId: 'c'.repeat(32), level: 'town' }, NOW);
    await db.repositories.deadlines.schedule(deadline);
    await fireDueDeadlines({ deadlines: db.repositories.deadlines, clock: () => NOW });
    const bridge = fakeEventBridge();
    const relay = createOutboxRelay({
      outbox: db.repositories.outbox,
      publisher: createEventBridgePublisher({ client: bridge.client, busName: 'shouhu', retry: QUICK }),
      clock: () => NOW,
      logger: captureLogs().logger,
    });
    await relayPending({ outbox: db.repositories.outbox, relay }, { pageSize: 10 });

    const scheduler = mockClient(SchedulerClient);
    scheduler.on(CreateScheduleCommand).resolves({ ScheduleArn: 'arn:schedule' });
    await createEventBridgeScheduler({
      client: new SchedulerClient({ region: 'ap-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } }),
      target: () => ({ groupName: 'g', roleArn: 'arn:role', deadLetterArn: 'arn:dlq', busArn: 'arn:bus' }),
      clock: () => NOW,
    }).schedule(deadline);
    const target = (scheduler.commandCalls(CreateScheduleCommand)[0].args[0].input as CreateScheduleCommandInput).Target!;
    scheduler.restore();

    const [entry] = bridge.requests[0].entries;
    expect([target.EventBridgeParameters?.Source, target.EventBridgeParameters?.DetailType]).toEqual([entry.Source, entry.DetailType]);
    expect(JSON.parse(target.Input!)).toEqual(JSON.parse(entry.Detail!));
  });
});
