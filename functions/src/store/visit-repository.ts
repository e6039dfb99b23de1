import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AlreadyExistsError, StaleStateError, VersionConflictError } from '../domain/errors.js';
import { auditItem, INSERT_ONLY } from './audit-items.js';
import { childVersionCheck } from './child-items.js';
import { decodeCursor, encodeCursor, invalidCursor } from './cursor.js';
import {
  CHAIN_PREFIX,
  chainHeadKey,
  childKey,
  GSI1,
  GSI2,
  VISIT_PREFIX,
  visitAttentionPartition,
  visitKey,
  visitPendingPartition,
} from './keys.js';
import { planObligationWrites } from './obligation-plan.js';
import { outboxPuts } from './outbox-items.js';
import type { VisitRepository } from './ports.js';
import { queryPartitionPage } from './query-page.js';
import { prefixQuery, queryItems } from './query-items.js';
import { putIfVersion, sendTransaction, taggedTransaction, type TransactItems } from './transact.js';
import { appendAnswer, appendCheckIn, verifyChain } from './visit-chain.js';
import {
  chainEntryFromItem,
  chainEntryItem,
  chainHeadFromItem,
  chainHeadGuard,
  chainHeadItem,
  IDEMPOTENCY_TTL_SECONDS,
  idempotencyGuard,
  idempotencyItem,
  monthlyCounterUpdate,
  requestHashOf,
  visitFromItem,
  visitItem,
} from './visit-items.js';

type CheckInPart = 'visit' | 'chain' | 'child' | 'obligations' | 'idempotency' | 'counter' | 'audit' | 'events';
type AnswerPart = 'visit' | 'chain' | 'audit' | 'events';

const moved = () => new StaleStateError('该儿童的走访记录已变化', 'childId');

export function createVisitRepository(client: DynamoDBDocumentClient, tableName: string): VisitRepository {
  const put = (Item: Record<string, unknown>, ConditionExpression?: string) => ({ Put: { TableName: tableName, Item, ConditionExpression } });

  async function get(childId: string, visitId: string) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: visitKey(childId, visitId), ConsistentRead: true }));
    return Item ? visitFromItem(Item) : null;
  }

  return {
    async recordCheckIn({ draft, head, childVersion, obligations, idempotency, audit, events, now }) {
      const { visit, entry } = appendCheckIn(head, draft);
      const transaction = taggedTransaction<CheckInPart>([
        ['visit', [put(visitItem(visit), 'attribute_not_exists(pk)')]],
        [
          'chain',
          [
            put(chainEntryItem(entry), 'attribute_not_exists(pk)'),
            { Put: { TableName: tableName, Item: chainHeadItem(visit.childId, entry), ...chainHeadGuard(head) } },
          ],
        ],
        ['child', [childVersionCheck(tableName, visit.childId, childVersion)]],
        ['obligations', planObligationWrites(tableName, obligations).writes],
        ['idempotency', idempotency ? [idempotencyPut(tableName, idempotency, visit, now)] : []],
        ['counter', [monthlyCounterUpdate(tableName, visit)]],
        ['audit', [put(auditItem(audit), INSERT_ONLY)]],
        ['events', outboxPuts(tableName, events)],
      ]);
      try {
        await sendTransaction(client, transaction.items);
        return visit;
      } catch (error) {
        const failed = transaction.failedParts(error);
        if (failed.has('visit')) throw new AlreadyExistsError('该走访记录已存在', 'id');
        if (failed.has('idempotency')) throw new AlreadyExistsError('该幂等键已被另一请求使用', 'Idempotency-Key');
        // A concurrent check-in moved the head or the completions, a change of the child what it is due.
        if (failed.has('chain') || failed.has('child') || failed.has('obligations')) throw moved();
        throw error;
      }
    },

    get,

    async listOfChild(childId, page) {
      const cursor = decodeCursor(page.cursor);
      if (cursor?.d !== undefined) throw invalidCursor();
      const query = { partitionAttribute: 'pk', partitionValue: childKey(childId).pk, sortAttribute: 'sk', sortPrefix: VISIT_PREFIX, newestFirst: true, consistentRead: true };
      const part = await queryPartitionPage(client, tableName, query, page.limit, cursor?.k ?? null);
      return { items: part.items.map(visitFromItem), nextCursor: part.nextKey ? encodeCursor({ k: part.nextKey }) : null };
    },

    async listPendingOfChild(childId, limit) {
      const items = await queryItems(client, tableName, prefixQuery(visitPendingPartition(childId), '', { index: GSI2, newestFirst: true, limit }));
      // The index lags the table a little: a visit answered a moment ago may still be listed there.
      return items.map(visitFromItem).filter((visit) => visit.confirmation.state === 'pending');
    },

    async recordAnswer({ previous, next, head, audit, events }) {
      if (next.version !== previous.version + 1) throw new Error('recordAnswer() must raise the version by one');
      const entry = appendAnswer(head, next);
      const transaction = taggedTransaction<AnswerPart>([
        ['visit', [putIfVersion(tableName, visitItem(next), previous.version)]],
        [
          'chain',
          [
            put(chainEntryItem(entry), 'attribute_not_exists(pk)'),
            { Put: { TableName: tableName, Item: chainHeadItem(next.childId, entry), ...chainHeadGuard(head) } },
          ],
        ],
        ['audit', [put(auditItem(audit), INSERT_ONLY)]],
        ['events', outboxPuts(tableName, events)],
      ]);
      try {
        await sendTransaction(client, transaction.items);
      } catch (error) {
        const failed = transaction.failedParts(error);
        if (failed.has('visit')) throw new VersionConflictError('该走访记录已被更新，请刷新后重试', 'version');
        if (failed.has('chain')) throw moved();
        throw error;
      }
    },

    async listDisputedInTown(townId, limit) {
      const items = await queryItems(
        client,
        tableName,
        prefixQuery(visitAttentionPartition(townId), 'disputed#', { index: GSI1, newestFirst: true, limit }),
      );
      return items.map(visitFromItem);
    },

    async listPendingInTown(townId, before, limit) {
      const items = await queryItems(client, tableName, {
        indexName: GSI1,
        keyCondition: '#p = :p AND #s BETWEEN :from AND :to',
        names: { '#p': 'gsi1pk', '#s': 'gsi1sk' },
        values: { ':p': visitAttentionPartition(townId), ':from': 'pending#', ':to': `pending#${before.toISOString()}` },
        limit,
      });
      return items.map(visitFromItem).filter((visit) => visit.confirmation.state === 'pending');
    },

    async verifyChain(childId) {
      const partition = childKey(childId).pk;
      const [entries, visits, head] = await Promise.all([
        queryItems(client, tableName, prefixQuery(partition, CHAIN_PREFIX, { consistentRead: true })),
        queryItems(client, tableName, prefixQuery(partition, VISIT_PREFIX, { consistentRead: true })),
        client.send(new GetCommand({ TableName: tableName, Key: chainHeadKey(childId), ConsistentRead: true })),
      ]);
      return verifyChain(entries.map(chainEntryFromItem), visits.map(visitFromItem), chainHeadFromItem(head.Item));
    },
  };
}

function idempotencyPut(
  tableName: string,
  idempotency: { userId: string; key: string; request: unknown },
  visit: { childId: string; id: string },
  now: Date,
): TransactItems[number] {
  const item = idempotencyItem({
    userId: idempotency.userId,
    key: idempotency.key,
    requestHash: requestHashOf(idempotency.request),
    childId: visit.childId,
    visitId: visit.id,
    createdAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
  });
  return { Put: { TableName: tableName, Item: item, ...idempotencyGuard(now) } };
}
