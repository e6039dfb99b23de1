import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent, ScheduledEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTBOX_SWEEP } from '../../functions/src/events/outbox-sweep.js';
import { createOutboxRepository } from '../../functions/src/store/outbox-repository.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { eventOf, writeOutbox } from './support/events.js';
import { setLambdaEnvironment } from './support/lambda-environment.js';
import { outboxRecord, streamEventOf } from './support/stream-records.js';

/**
 * The relay Lambda entry as deployed: configured by its environment (the table's endpoint pointed at DynamoDB
 * Local), its EventBridge client mocked at the class (EventBridge has no local engine).
 */
describe('the relay Lambda entry', () => {
  let restoreEnvironment: () => void;
  const eventBridge = mockClient(EventBridgeClient);
  let handler: (event: DynamoDBStreamEvent | ScheduledEvent) => Promise<DynamoDBBatchResponse | void>;

  let db: TestTable;

  beforeAll(async () => {
    db = await createTestTable('relay-entry');
    restoreEnvironment = setLambdaEnvironment(db, { EVENT_BUS_NAME: 'shouhu-bus' });
    eventBridge.on(PutEventsCommand).callsFake((input) => ({
      FailedEntryCount: 0,
      Entries: input.Entries.map((_: unknown, i: number) => ({ EventId: `eb-${i}` })),
    }));
  });
  afterAll(() => {
    restoreEnvironment();
    eventBridge.restore();
  });

  it('relays stream records and, on its schedule, sweeps only events older than the stream retries', async () => {
    const outbox = createOutboxRepository(db.client, db.tableName);
    ({ handler } = await import('../../functions/src/lambda/outbox-relay.js'));
    const fresh = eventOf('VisitRecorded', undefined, new Date());
    const stale = eventOf('VisitDisputed', undefined, new Date(Date.now() - (OUTBOX_SWEEP.olderThanMinutes + 1) * 60_000));
    const streamed = eventOf('VisitConfirmed', undefined, new Date());
    await writeOutbox(db, [fresh, stale, streamed]);

    expect(await handler(streamEventOf([outboxRecord(streamed, '400')]))).toEqual({ batchItemFailures: [] });
    await handler({ source: 'aws.events', 'detail-type': 'Scheduled Event' } as ScheduledEvent);

    const sentIds = eventBridge.commandCalls(PutEventsCommand).flatMap((call) => call.args[0].input.Entries!.map((e) => JSON.parse(e.Detail!).id));
    expect(sentIds).toEqual([streamed.id, stale.id]);
    expect((await outbox.listPending({ limit: 10 })).map((e) => e.id)).toEqual([fresh.id]);
  });

  it('fails a sweep that leaves events pending, so the error alarm of the relay counts it', async () => {
    const stale = eventOf('VisitDisputed', undefined, new Date(Date.now() - (OUTBOX_SWEEP.olderThanMinutes + 1) * 60_000));
    await writeOutbox(db, [stale]);
    eventBridge.on(PutEventsCommand).callsFake((input) => ({
      FailedEntryCount: input.Entries.length,
      Entries: input.Entries.map(() => ({ ErrorCode: 'InternalFailure', ErrorMessage: 'refused' })),
    }));

    await expect(handler({ source: 'aws.events', 'detail-type': 'Scheduled Event' } as ScheduledEvent)).rejects.toThrow(
      'Outbox sweep left 1 events pending',
    );
  });
});
