import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../domain/audit.js';
import { childSchema } from '../domain/child.js';
import { childStanding, countsChange } from '../domain/monthly-counts.js';
import { AlreadyExistsError, StaleStateError, VersionConflictError } from '../domain/errors.js';
import { assessmentItem } from './assessments.js';
import { auditItem, INSERT_ONLY } from './audit-items.js';
import { batchGet } from './batch.js';
import { childFromItem, childItem, diffMemberships, membershipItem, membershipsOf } from './child-items.js';
import { countChildren } from './child-count.js';
import { counterUpdates } from './counter-updates.js';
import { listChildren } from './child-list.js';
import { childKey, membershipKey } from './keys.js';
import { planObligationWrites } from './obligation-plan.js';
import { outboxPuts } from './outbox-items.js';
import type { ChildRepository } from './ports.js';
import type { RegionLookup } from './region-lookup.js';
import { putIfVersion, sendTransaction, taggedTransaction, type TransactItems } from './transact.js';

type Part = 'child' | 'links' | 'obligations' | 'counters' | 'audit' | 'events' | 'assessment';

export function createChildRepository(
  client: DynamoDBDocumentClient,
  tableName: string,
  regions: RegionLookup,
): ChildRepository {
  const auditPart = (audit: AuditEntry): TransactItems => [
    { Put: { TableName: tableName, Item: auditItem(audit), ConditionExpression: INSERT_ONLY } },
  ];

  return {
    async get(id) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: childKey(id), ConsistentRead: true }));
      return Item ? childFromItem(Item) : null;
    },

    async getMany(ids) {
      const found = await batchGet(client, tableName, [...new Set(ids)].map(childKey));
      return [...found.values()].map(childFromItem);
    },

    async create({ child, audit, obligations, events }) {
      const stored = childSchema.parse(child);
      // The same create sent twice is the same transaction, which its ClientRequestToken makes idempotent.
      const transaction = taggedTransaction<Part>([
        ['child', [{ Put: { TableName: tableName, Item: childItem(stored), ConditionExpression: 'attribute_not_exists(pk)' } }]],
        ['links', membershipsOf(stored).map((m) => ({ Put: { TableName: tableName, Item: membershipItem(stored.id, m) } }))],
        ['obligations', planObligationWrites(tableName, obligations).writes],
        // Children on record and by risk (monthly-counts.ts): the standing item, and the month's log of its changes.
        ['counters', counterUpdates(tableName, countsChange([], childStanding(stored), stored.createdAt))],
        ['audit', auditPart(audit)],
        ['events', outboxPuts(tableName, events)],
      ]);
      try {
        await sendTransaction(client, transaction.items);
      } catch (error) {
        if (transaction.failedParts(error).has('child')) throw new AlreadyExistsError('该儿童档案已存在', 'id');
        throw error;
      }
    },

    async update({ previous, next, audit, obligations, events, assessment }) {
      // Programming errors, not user errors: the lock only works if every change moves the version on by one.
      if (next.id !== previous.id) throw new Error('update() must keep the child id');
      if (next.version !== previous.version + 1) throw new Error('update() must raise the version by one');
      const stored = childSchema.parse(next);
      const { removed, added } = diffMemberships(previous, stored);
      const transaction = taggedTransaction<Part>([
        ['child', [putIfVersion(tableName, childItem(stored), previous.version)]],
        [
          'links',
          [
            ...removed.map((m) => ({ Delete: { TableName: tableName, Key: membershipKey(m.userId, m.relation, stored.id) } })),
            ...added.map((m) => ({ Put: { TableName: tableName, Item: membershipItem(stored.id, m) } })),
          ],
        ],
        ['obligations', planObligationWrites(tableName, obligations).writes],
        ['counters', counterUpdates(tableName, countsChange(childStanding(previous), childStanding(stored), stored.updatedAt))],
        ['audit', auditPart(audit)],
        ['events', outboxPuts(tableName, events)],
        ['assessment', assessment ? [{ Put: { TableName: tableName, Item: assessmentItem(assessment), ConditionExpression: 'attribute_not_exists(pk)' } }] : []],
      ]);
      try {
        await sendTransaction(client, transaction.items);
      } catch (error) {
        const failed = transaction.failedParts(error);
        // The assessment's id comes from the Idempotency-Key: taken means this was sent before (the caller replays).
        if (failed.has('assessment')) throw new AlreadyExistsError('该评估已记录', 'Idempotency-Key');
        // A failed condition on the child is the caller's conflict; on the obligations, nobody's (read again).
        if (failed.has('child')) throw new VersionConflictError('该儿童档案已被他人修改，请刷新后重试', 'version');
        if (failed.has('obligations')) throw new StaleStateError('该儿童的走访安排已变化', 'version');
        throw error;
      }
    },

    list(scope, page, filter) {
      return listChildren({ client, tableName, regions }, scope, page, filter);
    },

    count(scope, filter) {
      return countChildren({ client, tableName, regions }, scope, filter);
    },
  };
}
