import type { EventBridgeEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { EVENT_SOURCE, type DomainEvent } from '../../functions/src/events/domain-events.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { setLambdaEnvironment } from './support/lambda-environment.js';
import { childWithTeam, disputedVisitOf, eventOf, putChildAndVisit, visitEventIds } from './support/events.js';

/**
 * The consumer Lambda entry as an EventBridge rule invokes it, configured by its environment (CONSUMER_NAME from
 * the rule, the table's endpoint pointed at DynamoDB Local).
 */
let db: TestTable;
let handler: (event: EventBridgeEvent<string, unknown>) => Promise<void>;
let restoreEnvironment: () => void;
const written: string[] = [];

beforeAll(async () => {
  db = await createTestTable('consumer-entry');
  restoreEnvironment = setLambdaEnvironment(db, { CONSUMER_NAME: 'notifyDisputeToSupervisor' });
  vi.spyOn(process.stdout, 'write').mockImplementation((line) => (written.push(String(line)), true));
  ({ handler } = await import('../../functions/src/lambda/event-consumer.js'));
});
afterAll(() => {
  vi.restoreAllMocks();
  restoreEnvironment();
});

/** What EventBridge hands a Lambda target; a re-sent entry comes with a new `id`. */
function busEvent(event: DomainEvent | Record<string, unknown>, busEventId: string): EventBridgeEvent<string, unknown> {
  return {
    version: '0',
    id: busEventId,
    'detail-type': String(event.detailType),
    source: EVENT_SOURCE,
    account: '123456789012',
    time: '2026-11-23T02:00:00Z',
    region: 'ap-east-1',
    resources: [],
    detail: JSON.parse(JSON.stringify(event)),
  };
}

describe('the consumer Lambda entry', () => {
  it('acts once on an event EventBridge delivers twice (with two bus ids)', async () => {
    const child = childWithTeam('entry-child');
    const visit = disputedVisitOf(child);
    await putChildAndVisit(db, child, visit);
    const event = eventOf('VisitDisputed', visitEventIds(child, visit));

    await handler(busEvent(event, 'eb-1'));
    await handler(busEvent(event, 'eb-2'));

    expect(await db.repositories.inbox.list([{ kind: 'user', userId: 'sup-1' }], 10)).toHaveLength(1);
    expect(written.filter((line) => line.includes('"event consumed"')).map((line) => JSON.parse(line).outcome)).toEqual(['acted', 'duplicate']);
  });

  it('throws on an event carrying a name (to the dead-letter queue after retries), logging its ids and never the name', async () => {
    const event = eventOf('VisitDisputed');
    const withName = { ...event, detail: { ...event.detail, name: '李小明' } };
    written.length = 0;

    await expect(handler(busEvent(withName, 'eb-bad'))).rejects.toMatchObject({ name: 'InvalidEventError' });

    const refusal = written.map((line) => JSON.parse(line)).find((entry) => entry.message === 'event refused');
    expect(refusal).toMatchObject({ level: 'error', busEventId: 'eb-bad', consumer: 'notifyDisputeToSupervisor' });
    expect(written.join('')).not.toContain('李小明');
  });
});
