import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AlreadyExistsError, StaleStateError, VersionConflictError } from '../domain/errors.js';
import { isWithdrawn, type Visit } from '../domain/visit.js';
import { isOpenDispute } from '../domain/visit-settlement.js';
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
import type { AnswerWrite, VisitRepository } from './ports.js';
import { queryPartitionPage } from './query-page.js';
import { prefixQuery, queryItems } from './query-items.js';
import { putIfVersion, sendTransaction, taggedTransaction, type TransactItems } from './transact.js';
import { appendAmendment, appendAnswer, appendCheckIn, appendSettlement, verifyChain, type ChainEntry, type ChainHead } from './visit-chain.js';
import {
  chainEntryFromItem,
  chainEntryItem,
  chainHeadFromItem,
  chainHeadGuard,
  chainHeadItem,
  IDEMPOTENCY_TTL_SECONDS,
  idempotencyGuard,
  idempotencyItem,
  monthlyCounterChange,
  monthlyCounterUpdate,
  requestHashOf,
  visitFromItem,
  visitItem,
} from './visit-items.js';

type CheckInPart = 'visit' | 'chain' | 'child' | 'obligations' | 'idempotency' | 'counter' | 'audit' | 'events';
type VisitUpdatePart = 'visit' | 'chain' | 'child' | 'obligations' | 'counter' | 'audit' | 'events';

/** Still waiting for the guardian: the indexes lag the table a little, so what they list is checked again. */
const awaitingAnswer = (visit: Visit) => visit.confirmation.state === 'pending' && !isWithdrawn(visit);

const moved = () => new StaleStateError('该儿童的走访记录已变化', 'childId');

export function createVisitRepository(client: DynamoDBDocumentClient, tableName: string): VisitRepository {
  const put = (Item: Record<string, unknown>, ConditionExpression?: string) => ({ Put: { TableName: tableName, Item, ConditionExpression } });

  async function get(childId: string, visitId: string) {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: visitKey(childId, visitId), ConsistentRead: true }));
    return Item ? visitFromItem(Item) : null;
  }

  /**
   * One version of a visit replacing the one read (`previous`), its chain entry appended after `head`, with the
   * audit entry, the events, the counters it moves (an answer, a correction) and whatever else the change moves, in
   * one transaction.
   */
  async function updateVisit(
    { previous, next, head, audit, events }: AnswerWrite,
    entryOf: (head: ChainHead, visit: Visit) => ChainEntry,
    moving: [VisitUpdatePart, TransactItems][] = [],
  ): Promise<void> {
    if (next.version !== previous.version + 1) throw new Error('a visit update must raise the version by one');
    const entry = entryOf(head, next);
    const transaction = taggedTransaction<VisitUpdatePart>([
      ['visit', [putIfVersion(tableName, visitItem(next), previous.version)]],
      [
        'chain',
        [
          put(chainEntryItem(entry), 'attribute_not_exists(pk)'),
          { Put: { TableName: tableName, Item: chainHeadItem(next.childId, entry), ...chainHeadGuard(head) } },
        ],
      ],
      ...moving,
      ['counter', monthlyCounterChange(tableName, previous, next)],
      ['audit', [put(auditItem(audit), INSERT_ONLY)]],
      ['events', outboxPuts(tableName, events)],
    ]);
    try {
      await sendTransaction(client, transaction.items);
    } catch (error) {
      const failed = transaction.failedParts(error);
      if (failed.has('visit')) throw new VersionConflictError('该走访记录已被更新，请刷新后重试', 'version');
      if (failed.has('chain') || failed.has('child') || failed.has('obligations')) throw moved();
      throw error;
    }
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
        ['counter', monthlyCounterUpdate(tableName, visit)],
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
      return items.map(visitFromItem).filter(awaitingAnswer);
    },

    async listAllOfChild(childId) {
      const items = await queryItems(client, tableName, prefixQuery(childKey(childId).pk, VISIT_PREFIX, { consistentRead: true }));
      return items.map(visitFromItem);
    },

    async recordAnswer(write) {
      await updateVisit(write, appendAnswer);
    },

    async recordSettlement(write) {
      await updateVisit(write, appendSettlement);
    },

    async recordAmendment(write) {
      const { previous, next, childVersion, obligations } = write;
      await updateVisit(write, appendAmendment, [
        ['child', [childVersionCheck(tableName, next.childId, childVersion)]],
        ['obligations', planObligationWrites(tableName, obligations).writes],
      ]);
    },

    async listDisputedInTown(townId, limit) {
      const items = await queryItems(
        client,
        tableName,
        prefixQuery(visitAttentionPartition(townId), 'disputed#', { index: GSI1, newestFirst: true, limit }),
      );
      return items.map(visitFromItem).filter(isOpenDispute);
    },

    async listPendingInTown(townId, before, limit) {
      const items = await queryItems(client, tableName, {
        indexName: GSI1,
        keyCondition: '#p = :p AND #s BETWEEN :from AND :to',
        names: { '#p': 'gsi1pk', '#s': 'gsi1sk' },
        values: { ':p': visitAttentionPartition(townId), ':from': 'pending#', ':to': `pending#${before.toISOString()}` },
        limit,
      });
      return items.map(visitFromItem).filter(awaitingAnswer);
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
