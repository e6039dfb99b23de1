import { DeleteCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { deadlineReachedSchema } from '../events/domain-events.js';
import { isConditionalCheckFailed } from './aws-errors.js';
import type { DeadlineScheduler, DueDeadlines, ScheduledDeadline } from './event-ports.js';
import { deadlineDueSortKey, deadlineScheduleKey, DEADLINES_DUE_PARTITION, GSI1, stripKeys } from './keys.js';
import { outboxPuts } from './outbox-items.js';
import { queryItems } from './query-items.js';
import { taggedTransaction } from './transact.js';

function scheduleItem(deadline: ScheduledDeadline): Record<string, unknown> {
  return {
    ...deadlineScheduleKey(deadline.id),
    entity: 'deadlineSchedule',
    gsi1pk: DEADLINES_DUE_PARTITION,
    gsi1sk: deadlineDueSortKey(deadline.fireAt, deadline.id),
    deadlineId: deadline.id,
    fireAt: deadline.fireAt.toISOString(),
    event: deadlineReachedSchema.parse(deadline.event),
  };
}

function deadlineFromItem(item: Record<string, unknown>): ScheduledDeadline {
  const stored = stripKeys(item);
  return { id: String(stored.deadlineId), fireAt: new Date(String(stored.fireAt)), event: deadlineReachedSchema.parse(stored.event) };
}

/**
 * Timers on one machine (EventBridge Scheduler has no local engine): an item per deadline, listed by when it is due,
 * fired by `npm start`'s poller (events/local-deadline-poller.ts) into the outbox, whose relay delivers the event
 * like any other.
 */
export function createTableDeadlines(client: DynamoDBDocumentClient, tableName: string): DeadlineScheduler & DueDeadlines {
  return {
    async schedule(deadline) {
      try {
        await client.send(new PutCommand({ TableName: tableName, Item: scheduleItem(deadline), ConditionExpression: 'attribute_not_exists(pk)' }));
        return 'scheduled';
      } catch (error) {
        if (isConditionalCheckFailed(error)) return 'alreadyScheduled';
        throw error;
      }
    },

    async listDue(now, limit) {
      const items = await queryItems(client, tableName, {
        indexName: GSI1,
        keyCondition: '#p = :p AND #s < :until',
        names: { '#p': 'gsi1pk', '#s': 'gsi1sk' },
        // `<fireAt>#<id>` sorts before `<now>#~` exactly when it is due ('~' sorts after every character of an id).
        values: { ':p': DEADLINES_DUE_PARTITION, ':until': deadlineDueSortKey(now, '~') },
        limit,
      });
      return items.map(deadlineFromItem);
    },

    async fire(deadline) {
      const transaction = taggedTransaction<'schedule' | 'event'>([
        ['schedule', [{ Delete: { TableName: tableName, Key: deadlineScheduleKey(deadline.id), ConditionExpression: 'attribute_exists(pk)' } }]],
        ['event', outboxPuts(tableName, [deadline.event])],
      ]);
      try {
        // Not sendTransaction: its client request token would make a second firing of the same timer, within ten
        // minutes, an idempotent repeat that DynamoDB answers as a success without checking anything. Here a repeat
        // must fail its conditions: that is how a pass learns another fired the timer (a conflict is retried by the
        // next pass).
        await client.send(new TransactWriteCommand({ TransactItems: transaction.items }));
        return 'fired';
      } catch (error) {
        const failed = transaction.failedParts(error);
        if (failed.has('schedule')) return 'alreadyFired';
        if (!failed.has('event')) throw error;
        // Its event is in the outbox from an earlier firing: this timer is a repeat of one that went off.
        await client.send(new DeleteCommand({ TableName: tableName, Key: deadlineScheduleKey(deadline.id) }));
        return 'alreadyFired';
      }
    },
  };
}
