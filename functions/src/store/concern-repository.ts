import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AlreadyExistsError, VersionConflictError } from '../domain/errors.js';
import { auditItem, INSERT_ONLY } from './audit-items.js';
import { batchGet } from './batch.js';
import { concernClosing, concernCounts, countsChange } from '../domain/monthly-counts.js';
import { counterUpdates } from './counter-updates.js';
import { concernFromItem, concernItem, concernReferenceItems, concernTrackingItem } from './concern-items.js';
import type { ConcernRepository } from './concern-ports.js';
import {
  childKey,
  CONCERN_REFERENCE_PREFIX,
  concernKey,
  concernTownPartition,
  concernTrackingKey,
  concernVillagePartition,
  userKey,
} from './keys.js';
import { outboxPuts } from './outbox-items.js';
import { prefixQuery, queryItems } from './query-items.js';
import { putIfVersion, sendTransaction, taggedTransaction, type TransactItems } from './transact.js';

type CreatePart = 'concern' | 'tracking' | 'references' | 'counters' | 'audit' | 'events';

export function createConcernRepository(client: DynamoDBDocumentClient, tableName: string): ConcernRepository {
  const insert = (Item: Record<string, unknown>): TransactItems[number] => ({ Put: { TableName: tableName, Item, ConditionExpression: INSERT_ONLY } });

  async function get(id: string) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: concernKey(id), ConsistentRead: true }));
    return Item ? concernFromItem(Item) : null;
  }

  /** The concerns a partition's pointers name, newest first, in one batch read (a pointer to nothing is skipped). */
  async function listByPointers(partition: string, limit: number) {
    const pointers = await queryItems(client, tableName, prefixQuery(partition, CONCERN_REFERENCE_PREFIX, { newestFirst: true, limit, consistentRead: true }));
    if (pointers.length === 0) return [];
    const ids = pointers.map((pointer) => String(pointer.concernId));
    const found = await batchGet(client, tableName, ids.map(concernKey));
    return ids.flatMap((id) => {
      const item = found.get(concernKey(id).pk);
      return item ? [concernFromItem(item)] : [];
    });
  }

  return {
    async create({ concern, trackingHash, audit, events }) {
      const transaction = taggedTransaction<CreatePart>([
        ['concern', [insert(concernItem(concern))]],
        ['tracking', trackingHash === null ? [] : [insert(concernTrackingItem(trackingHash, concern.id))]],
        ['references', concernReferenceItems(concern).map(insert)],
        ['counters', counterUpdates(tableName, countsChange([], concernCounts(concern), concern.createdAt))],
        ['audit', audit === null ? [] : [insert(auditItem(audit))]],
        ['events', outboxPuts(tableName, events)],
      ]);
      try {
        await sendTransaction(client, transaction.items);
      } catch (error) {
        if (transaction.failedParts(error).has('concern')) throw new AlreadyExistsError('该报告已提交', 'id');
        throw error;
      }
    },

    get,

    async findByTrackingHash(codeHash) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: concernTrackingKey(codeHash), ConsistentRead: true }));
      return Item ? get(String(Item.concernId)) : null;
    },

    async update({ previousVersion, concern, audit, events }) {
      if (concern.version !== previousVersion + 1) throw new Error('update() must raise the version by one');
      const transaction = taggedTransaction<'concern' | 'counters' | 'audit' | 'events'>([
        ['concern', [putIfVersion(tableName, concernItem(concern), previousVersion)]],
        ['counters', counterUpdates(tableName, concernClosing(concern))],
        ['audit', audit === null ? [] : [insert(auditItem(audit))]],
        ['events', outboxPuts(tableName, events)],
      ]);
      try {
        await sendTransaction(client, transaction.items);
      } catch (error) {
        if (transaction.failedParts(error).has('concern')) throw new VersionConflictError('该报告已被他人处理，请刷新后重试', 'version');
        throw error;
      }
    },

    async listQueue({ level, regionId }, limit) {
      const [partition, index] =
        level === 'village' ? [concernVillagePartition(regionId), 'gsi1' as const] : [concernTownPartition(regionId), 'gsi2' as const];
      const items = await queryItems(client, tableName, prefixQuery(partition, '', { index, limit }));
      return items.map(concernFromItem);
    },

    listOfChild: (childId, limit) => listByPointers(childKey(childId).pk, limit),
    listOfReporter: (userId, limit) => listByPointers(userKey(userId).pk, limit),
  };
}
