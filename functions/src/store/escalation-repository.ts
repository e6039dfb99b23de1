import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AlreadyExistsError, VersionConflictError } from '../domain/errors.js';
import { levelAbove, escalationLevels, type EscalationLevel } from '../domain/escalation-levels.js';
import { countsChange, escalationResolution, escalationStanding } from '../domain/monthly-counts.js';
import { auditItem, INSERT_ONLY } from './audit-items.js';
import { counterUpdates } from './counter-updates.js';
import { batchGet } from './batch.js';
import { escalationFromItem, escalationItem, escalationReferenceItem } from './escalation-items.js';
import type { EscalationRepository } from './escalation-ports.js';
import {
  childKey,
  ESCALATION_REFERENCE_PREFIX,
  escalationAwaitingPartition,
  escalationAwaitingSortKey,
  escalationKey,
  escalationQueuePartition,
  GSI2,
} from './keys.js';
import { outboxPuts } from './outbox-items.js';
import { prefixQuery, queryItems } from './query-items.js';
import { putIfVersion, sendTransaction, taggedTransaction, type TransactItems } from './transact.js';

/** The level below, whose overdue cases a level is shown; none below the town. */
function levelBelow(level: EscalationLevel): EscalationLevel | null {
  return escalationLevels.find((candidate) => levelAbove(candidate) === level) ?? null;
}

export function createEscalationRepository(client: DynamoDBDocumentClient, tableName: string): EscalationRepository {
  const insert = (Item: Record<string, unknown>): TransactItems[number] => ({ Put: { TableName: tableName, Item, ConditionExpression: INSERT_ONLY } });

  return {
    async create({ escalation, audit, events }) {
      const transaction = taggedTransaction<'escalation' | 'reference' | 'counters' | 'audit' | 'events'>([
        ['escalation', [insert(escalationItem(escalation))]],
        ['reference', [insert(escalationReferenceItem(escalation))]],
        ['counters', counterUpdates(tableName, countsChange([], escalationStanding(escalation), escalation.createdAt))],
        ['audit', [insert(auditItem(audit))]],
        ['events', outboxPuts(tableName, events)],
      ]);
      try {
        await sendTransaction(client, transaction.items);
      } catch (error) {
        if (transaction.failedParts(error).has('escalation')) throw new AlreadyExistsError('该个案已提请', 'id');
        throw error;
      }
    },

    async get(id) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: escalationKey(id), ConsistentRead: true }));
      return Item ? escalationFromItem(Item) : null;
    },

    async update({ previousVersion, escalation, audit, events }) {
      if (escalation.version !== previousVersion + 1) throw new Error('update() must raise the version by one');
      const transaction = taggedTransaction<'escalation' | 'counters' | 'audit' | 'events'>([
        ['escalation', [putIfVersion(tableName, escalationItem(escalation), previousVersion)]],
        ['counters', counterUpdates(tableName, escalationResolution(escalation))],
        ['audit', audit === null ? [] : [insert(auditItem(audit))]],
        ['events', outboxPuts(tableName, events)],
      ]);
      try {
        await sendTransaction(client, transaction.items);
      } catch (error) {
        if (transaction.failedParts(error).has('escalation')) throw new VersionConflictError('该个案已被他人处理，请刷新后重试', 'version');
        throw error;
      }
    },

    async listQueue({ level, regionId }, limit) {
      const items = await queryItems(client, tableName, prefixQuery(escalationQueuePartition(level, regionId), '', { index: 'gsi1', limit }));
      return items.map(escalationFromItem);
    },

    async listOverdueBelow({ level, regionId }, before, limit) {
      if (levelBelow(level) === null) return [];
      const items = await queryItems(client, tableName, {
        indexName: GSI2,
        keyCondition: '#p = :p AND #s < :before',
        names: { '#p': 'gsi2pk', '#s': 'gsi2sk' },
        // `<deadline>#<id>` sorts before `<before>#~` exactly when the deadline is not after `before` ('~' sorts after
        // every character of an id): a case is overdue from the instant of its deadline on.
        values: { ':p': escalationAwaitingPartition(level, regionId), ':before': escalationAwaitingSortKey(before.toISOString(), '~') },
        limit,
      });
      return items.map(escalationFromItem);
    },

    async listOfChild(childId, limit) {
      const pointers = await queryItems(
        client,
        tableName,
        prefixQuery(childKey(childId).pk, ESCALATION_REFERENCE_PREFIX, { newestFirst: true, limit, consistentRead: true }),
      );
      if (pointers.length === 0) return [];
      const ids = pointers.map((pointer) => String(pointer.escalationId));
      const found = await batchGet(client, tableName, ids.map(escalationKey));
      return ids.flatMap((id) => {
        const item = found.get(escalationKey(id).pk);
        return item ? [escalationFromItem(item)] : [];
      });
    },
  };
}
