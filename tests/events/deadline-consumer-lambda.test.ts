import { CreateScheduleCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { EventBridgeEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEFAULT_ACKNOWLEDGE_LIMITS } from '../../functions/src/domain/acknowledge-limits.js';
import { raiseEscalation } from '../../functions/src/domain/escalation.js';
import { EVENT_SOURCE, type DomainEvent } from '../../functions/src/events/domain-events.js';
import { scheduleNameOf } from '../../functions/src/events/eventbridge-scheduler.js';
import { deadlineIdOf } from '../../functions/src/domain/deadline.js';
import { childItem } from '../../functions/src/store/child-items.js';
import { auditOf } from '../store/fixtures.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { setLambdaEnvironment } from './support/lambda-environment.js';
import { childWithTeam, eventOf } from './support/events.js';

/**
 * The consumer Lambda that starts timers, configured as the stack configures it: the case is read from the table
 * (DynamoDB Local), the timer goes to EventBridge Scheduler (its client scripted) with the stack's group, role, queue
 * and bus.
 */
const target = {
  DEADLINE_SCHEDULE_GROUP: 'shouhu-deadlines',
  DEADLINE_SCHEDULER_ROLE_ARN: 'arn:aws:iam::123456789012:role/deadline-scheduler',
  DEADLINE_DLQ_ARN: 'arn:aws:sqs:us-east-1:123456789012:deadline-dlq',
  EVENT_BUS_ARN: 'arn:aws:events:us-east-1:123456789012:event-bus/shouhu',
};
let db: TestTable;
let handler: (event: EventBridgeEvent<string, unknown>) => Promise<void>;
let restoreEnvironment: () => void;
const scheduler = mockClient(SchedulerClient);

beforeAll(async () => {
  db = await createTestTable('deadline-consumer-entry');
  restoreEnvironment = setLambdaEnvironment(db, { CONSUMER_NAME: 'scheduleDeadlines', ...target });
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  ({ handler } = await import('../../functions/src/lambda/event-consumer.js'));
});
afterAll(() => {
  vi.restoreAllMocks();
  scheduler.restore();
  restoreEnvironment();
});

function busEvent(event: DomainEvent, busEventId: string): EventBridgeEvent<string, unknown> {
  return {
    version: '0',
    id: busEventId,
    'detail-type': event.detailType,
    source: EVENT_SOURCE,
    account: '123456789012',
    time: event.occurredAt,
    region: 'us-east-1',
    resources: [],
    detail: JSON.parse(JSON.stringify(event)),
  };
}

describe('the consumer Lambda entry that starts timers', () => {
  it('puts the case’s acknowledgement deadline on EventBridge Scheduler; delivered twice, the second is already scheduled', async () => {
    const child = childWithTeam('entry-escalation-child');
    await db.client.send(new PutCommand({ TableName: db.tableName, Item: childItem(child) }));
    const escalation = raiseEscalation(
      { id: 'e'.repeat(32), childId: child.id, path: child.region, raisedBy: 'sw-1', input: { problem: '无人照料', tried: '联系亲属', helpNeeded: '临时监护', urgent: true } },
      DEFAULT_ACKNOWLEDGE_LIMITS,
      new Date('2026-11-30T02:00:00Z'),
    );
    await db.repositories.escalations.create({ escalation, audit: auditOf('escalation.raise', child.id), events: [] });
    scheduler.on(CreateScheduleCommand).resolvesOnce({ ScheduleArn: 'arn:schedule' }).rejects(Object.assign(new Error('exists'), { name: 'ConflictException' }));
    const raised = eventOf('EscalationRaised', { escalationId: escalation.id, childId: child.id, level: 'town', townId: 't1', districtId: 'd1', urgent: true });

    await handler(busEvent(raised, 'eb-1'));
    await handler(busEvent(raised, 'eb-2'));

    const inputs = scheduler.commandCalls(CreateScheduleCommand).map((call) => call.args[0].input);
    expect(inputs).toHaveLength(2);
    expect(inputs[0]).toMatchObject({
      Name: scheduleNameOf(deadlineIdOf('escalation', escalation.id, 'town')),
      GroupName: target.DEADLINE_SCHEDULE_GROUP,
      Target: { Arn: target.EVENT_BUS_ARN, RoleArn: target.DEADLINE_SCHEDULER_ROLE_ARN, DeadLetterConfig: { Arn: target.DEADLINE_DLQ_ARN } },
    });
    expect(inputs[0].ScheduleExpression).toMatch(/^at\(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\)$/);
  });
});
