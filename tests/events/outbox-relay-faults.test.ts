import { beforeEach, describe, expect, it } from 'vitest';
import type { RetryPolicy } from '../../functions/src/events/backoff.js';
import { EVENT_SOURCE, type DomainEvent } from '../../functions/src/events/domain-events.js';
import { createEventBridgePublisher } from '../../functions/src/events/eventbridge-publisher.js';
import { createOutboxRelay, type OutboxRelay } from '../../functions/src/events/outbox-relay.js';
import { relayPending } from '../../functions/src/events/relay-pending.js';
import type { OutboxRepository } from '../../functions/src/store/event-ports.js';
import { createOutboxRepository } from '../../functions/src/store/outbox-repository.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { eventOf, writeOutbox } from './support/events.js';
import { fakeEventBridge, serviceUnavailable } from './support/fake-eventbridge.js';
import { captureLogs } from './support/logs.js';

/**
 * The fault test: events survive a failed PutEvents, partial (some entries refused with an ErrorCode) and
 * total (the request throws), with nothing lost and nothing sent twice. The outbox is real (DynamoDB Local); the bus
 * is EventBridge's client with scripted answers, every accepted entry counted by event id.
 */
const BUS = 'shouhu-test-bus';
const QUICK: RetryPolicy = { maxAttempts: 4, baseDelayMs: 1, maxDelayMs: 5 };
const NOW = new Date('2026-11-23T08:00:00.000Z');

let db: TestTable;
let outbox: OutboxRepository;

beforeEach(async () => {
  db = await createTestTable('relay-faults');
  outbox = createOutboxRepository(db.client, db.tableName);
});

function relayWith(bridge: ReturnType<typeof fakeEventBridge>): { relay: OutboxRelay; logs: ReturnType<typeof captureLogs> } {
  const logs = captureLogs();
  const publisher = createEventBridgePublisher({ client: bridge.client, busName: BUS, retry: QUICK });
  return { relay: createOutboxRelay({ outbox, publisher, clock: () => NOW, logger: logs.logger }), logs };
}

async function writtenEvents(count: number): Promise<DomainEvent[]> {
  const kinds = ['VisitRecorded', 'VisitConfirmed', 'VisitDisputed', 'DisputeResolved', 'VisitCorrected', 'PolicyChanged'] as const;
  const events = Array.from({ length: count }, (_, index) => eventOf(kinds[index % kinds.length]));
  await writeOutbox(db, events);
  return events;
}

function expectEachAcceptedOnce(bridge: ReturnType<typeof fakeEventBridge>, events: DomainEvent[]) {
  expect(Object.fromEntries(bridge.acceptedCounts())).toEqual(Object.fromEntries(events.map((e) => [e.id, 1])));
}

describe('a partial failure of PutEvents', () => {
  it('sends again only the refused entries, until each event is accepted exactly once and marked sent', async () => {
    const events = await writtenEvents(23);
    // The first request of each batch refuses every third entry; the first retry of that refuses one of them again.
    const bridge = fakeEventBridge((ids, request) =>
      request <= 3 ? ids.map((_, i) => (i % 3 === 0 ? 'ThrottlingException' : null)) : request <= 4 ? ids.map((_, i) => (i === 0 ? 'InternalFailure' : null)) : ids.map(() => null),
    );
    const { relay } = relayWith(bridge);

    const report = await relay.relay(events);

    expectEachAcceptedOnce(bridge, events);
    expect(report.sent.sort()).toEqual(events.map((e) => e.id).sort());
    expect(report.failed).toEqual([]);
    expect(await outbox.pendingAmong(events.map((e) => e.id))).toEqual(new Set());
    expect(await outbox.listPending({ limit: 100 })).toEqual([]);
    // Three batches (10, 10, 3), then re-sends that hold only what was refused just before.
    expect(bridge.requests.slice(0, 3).map((r) => r.eventIds.length).sort()).toEqual([10, 10, 3]);
    for (const request of bridge.requests) expect(request.eventIds.length).toBeLessThanOrEqual(10);
    const firstRefused = bridge.requests.slice(0, 3).flatMap((r) => r.eventIds.filter((_, i) => i % 3 === 0));
    expect(bridge.requests.slice(3, 6).flatMap((r) => r.eventIds).sort()).toEqual(firstRefused.sort());
  });

  it('sends each entry as the product bus, source and detail-type, with the whole event as the detail', async () => {
    const [event] = await writtenEvents(1);
    const bridge = fakeEventBridge();

    await relayWith(bridge).relay.relay([event]);

    expect(bridge.requests[0].entries).toEqual([
      { EventBusName: BUS, Source: EVENT_SOURCE, DetailType: event.detailType, Detail: JSON.stringify(event), Time: new Date(event.occurredAt) },
    ]);
  });

  it('leaves an entry refused on every attempt pending and reports it by id; a later run sends it once', async () => {
    const events = await writtenEvents(5);
    const stubborn = events[2].id;
    const bridge = fakeEventBridge((ids) => ids.map((id) => (id === stubborn ? 'InternalFailure' : null)));
    const { relay, logs } = relayWith(bridge);

    const report = await relay.relay(events);

    expect(report.failed).toEqual([{ eventId: stubborn, reason: 'InternalFailure' }]);
    expect(bridge.requests.filter((r) => r.eventIds.includes(stubborn))).toHaveLength(QUICK.maxAttempts);
    expect((await outbox.listPending({ limit: 10 })).map((e) => e.id)).toEqual([stubborn]);
    expect(logs.lines).toContainEqual(
      expect.objectContaining({ level: 'error', fields: expect.objectContaining({ failed: [{ eventId: stubborn, reason: 'InternalFailure' }] }) }),
    );

    bridge.answerWith((ids) => ids.map(() => null));
    const later = await relayPending({ outbox, relay }, { pageSize: 10 });

    expect(later.sent).toEqual([stubborn]);
    expectEachAcceptedOnce(bridge, events);
    expect(await outbox.listPending({ limit: 10 })).toEqual([]);
  });
});

describe('a total failure of PutEvents', () => {
  it('leaves every event pending, and a later run sends each once', async () => {
    const events = await writtenEvents(12);
    const bridge = fakeEventBridge(() => serviceUnavailable());
    const { relay } = relayWith(bridge);

    const report = await relay.relay(events);

    expect(report.sent).toEqual([]);
    expect(report.failed.map((f) => f.reason)).toEqual(Array(12).fill('ServiceUnavailableException'));
    expect(bridge.accepted).toEqual([]);
    expect((await outbox.listPending({ limit: 100 })).map((e) => e.id).sort()).toEqual(events.map((e) => e.id).sort());

    bridge.answerWith((ids) => ids.map(() => null));
    const later = await relayPending({ outbox, relay }, { pageSize: 5 });

    expect(later.sent.sort()).toEqual(events.map((e) => e.id).sort());
    expectEachAcceptedOnce(bridge, events);
    expect(await outbox.listPending({ limit: 100 })).toEqual([]);
  });

  it('recovers within the run when the request fails once and then succeeds', async () => {
    const events = await writtenEvents(4);
    const bridge = fakeEventBridge((ids, request) => (request === 1 ? serviceUnavailable() : ids.map(() => null)));

    const report = await relayWith(bridge).relay.relay(events);

    expect(report.failed).toEqual([]);
    expectEachAcceptedOnce(bridge, events);
    expect(await outbox.listPending({ limit: 10 })).toEqual([]);
  });
});

describe('relaying again what was sent', () => {
  it('publishes nothing for events already marked sent (a redelivered stream record, the sweep behind the stream)', async () => {
    const events = await writtenEvents(3);
    const bridge = fakeEventBridge();
    const { relay } = relayWith(bridge);
    await relay.relay(events);

    const again = await relay.relay(events);

    expect(again).toEqual({ sent: [], alreadySent: events.map((e) => e.id), failed: [] });
    expectEachAcceptedOnce(bridge, events);
  });
});
