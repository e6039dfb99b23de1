import { beforeEach, describe, expect, it } from 'vitest';
import { createEventBridgePublisher } from '../../functions/src/events/eventbridge-publisher.js';
import { createOutboxRelay } from '../../functions/src/events/outbox-relay.js';
import { createStreamRelayHandler } from '../../functions/src/events/stream-relay.js';
import type { OutboxRepository } from '../../functions/src/store/event-ports.js';
import { outboxItem } from '../../functions/src/store/outbox-items.js';
import { createOutboxRepository } from '../../functions/src/store/outbox-repository.js';
import { outboxEventOfStreamImage } from '../../functions/src/store/outbox-stream.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { eventOf, writeOutbox } from './support/events.js';
import { fakeEventBridge } from './support/fake-eventbridge.js';
import { captureLogs } from './support/logs.js';
import { insertRecord, outboxRecord, streamEventOf } from './support/stream-records.js';

/**
 * The cloud relay as the table's stream feeds it: a partial batch response naming only the records whose events
 * were not published, and a retry from there that publishes nothing twice.
 */
const QUICK = { maxAttempts: 2, baseDelayMs: 1, maxDelayMs: 2 };
let db: TestTable;
let outbox: OutboxRepository;

beforeEach(async () => {
  db = await createTestTable('stream-relay');
  outbox = createOutboxRepository(db.client, db.tableName);
});

function streamHandlerWith(bridge: ReturnType<typeof fakeEventBridge>) {
  const logs = captureLogs();
  const publisher = createEventBridgePublisher({ client: bridge.client, busName: 'bus', retry: QUICK });
  const relay = createOutboxRelay({ outbox, publisher, clock: () => new Date(), logger: logs.logger });
  return { handle: createStreamRelayHandler({ relay, logger: logs.logger, eventOfImage: outboxEventOfStreamImage }), logs };
}

describe('the stream relay', () => {
  it('reports the sequence numbers of exactly the records whose events were not published', async () => {
    const events = [eventOf('VisitRecorded'), eventOf('VisitDisputed'), eventOf('VisitConfirmed'), eventOf('PolicyChanged')];
    await writeOutbox(db, events);
    const refused = new Set([events[1].id, events[3].id]);
    const bridge = fakeEventBridge((ids) => ids.map((id) => (refused.has(id) ? 'InternalFailure' : null)));
    const { handle } = streamHandlerWith(bridge);

    const response = await handle(streamEventOf(events.map((event, i) => outboxRecord(event, `10${i}`))));

    expect(response.batchItemFailures.map((f) => f.itemIdentifier).sort()).toEqual(['101', '103']);
    expect((await outbox.listPending({ limit: 10 })).map((e) => e.id).sort()).toEqual([...refused].sort());
  });

  it('publishes nothing twice when Lambda hands over again the records after the first failure', async () => {
    const events = [eventOf('VisitRecorded'), eventOf('VisitDisputed'), eventOf('VisitConfirmed')];
    await writeOutbox(db, events);
    let refuse = true;
    const bridge = fakeEventBridge((ids) => ids.map((id) => (refuse && id === events[1].id ? 'ThrottlingException' : null)));
    const { handle } = streamHandlerWith(bridge);
    const records = events.map((event, i) => outboxRecord(event, `20${i}`));
    expect((await handle(streamEventOf(records))).batchItemFailures).toEqual([{ itemIdentifier: '201' }]);

    refuse = false;
    // Lambda retries from the lowest failed sequence number: the record after it comes again.
    const retry = await handle(streamEventOf(records.slice(1)));

    expect(retry.batchItemFailures).toEqual([]);
    expect(Object.fromEntries(bridge.acceptedCounts())).toEqual(Object.fromEntries(events.map((e) => [e.id, 1])));
    expect(await outbox.listPending({ limit: 10 })).toEqual([]);
  });

  it('reports a record that holds no valid event, by its key only, and ignores items of other entities', async () => {
    const event = eventOf('VisitRecorded');
    await writeOutbox(db, [event]);
    const bridge = fakeEventBridge();
    const { handle, logs } = streamHandlerWith(bridge);
    const broken = { ...outboxItem(eventOf('VisitRecorded')), pk: 'OUTBOX#broken', event: { detailType: 'VisitRecorded', name: '李小明' } };
    const child = { pk: 'CHILD#c1', sk: 'CHILD', entity: 'child', name: '李小明' };

    const response = await handle(streamEventOf([insertRecord(child, '300'), outboxRecord(event, '301'), insertRecord(broken, '302')]));

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: '302' }]);
    expect(bridge.accepted).toEqual([event.id]);
    expect(JSON.stringify(logs.lines)).toContain('OUTBOX#broken');
    expect(JSON.stringify(logs.lines)).not.toContain('李小明');
  });
});
