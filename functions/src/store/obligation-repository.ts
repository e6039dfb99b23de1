import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { addDays } from '../domain/calendar.js';
import { StaleStateError } from '../domain/errors.js';
import { childVersionCheck } from './child-items.js';
import { batchGet } from './batch.js';
import { childKey, dueTownPartition, dueUserPartition, GSI1, GSI2, OBLIGATION_PREFIX, obligationStateKey } from './keys.js';
import { dueEntryFromItem, obligationStateFromItem } from './obligation-items.js';
import { planObligationWrites } from './obligation-plan.js';
import type { ObligationRepository } from './ports.js';
import { prefixQuery, queryItems } from './query-items.js';
import { sendTransaction, taggedTransaction } from './transact.js';

/**
 * "What is due" (ARCHITECTURE.md, access pattern "obligations due by day"): a worker's list and a town's day are
 * each one query on an index whose sort key starts with the due date; no scan, no read of the children.
 */
export function createObligationRepository(client: DynamoDBDocumentClient, tableName: string): ObligationRepository {
  return {
    async listDueForAssignee(userId, until) {
      const items = await queryItems(client, tableName, {
        indexName: GSI2,
        // Every sort key of a date up to `until` sorts before the next day's date.
        keyCondition: '#p = :p AND #s < :after',
        names: { '#p': 'gsi2pk', '#s': 'gsi2sk' },
        values: { ':p': dueUserPartition(userId), ':after': addDays(until, 1) },
      });
      return items.map(dueEntryFromItem);
    },

    async listDueInTown(townId, date) {
      const items = await queryItems(client, tableName, prefixQuery(dueTownPartition(townId), `${date}#`, { index: GSI1 }));
      return items.map(dueEntryFromItem);
    },

    async listDueInTownUntil(townId, until) {
      const items = await queryItems(client, tableName, {
        indexName: GSI1,
        keyCondition: '#p = :p AND #s < :after',
        names: { '#p': 'gsi1pk', '#s': 'gsi1sk' },
        values: { ':p': dueTownPartition(townId), ':after': addDays(until, 1) },
      });
      return items.map(dueEntryFromItem);
    },

    async listOfChild(childId) {
      const items = await queryItems(
        client,
        tableName,
        prefixQuery(childKey(childId).pk, OBLIGATION_PREFIX, { consistentRead: true }),
      );
      return items.map(dueEntryFromItem).sort((a, b) => a.obligation.dueDate.localeCompare(b.obligation.dueDate));
    },

    async statesOf(childIds) {
      const found = await batchGet(client, tableName, [...new Set(childIds)].map(obligationStateKey));
      const states = [...found.values()].map((item) => obligationStateFromItem(item)!);
      return new Map(states.map((state) => [state.childId, state]));
    },

    async refresh({ childVersion, obligations }) {
      const plan = planObligationWrites(tableName, obligations);
      if (!plan.changed) return false;
      // The child's version guards against writing what was computed from a child that changed meanwhile.
      const transaction = taggedTransaction([
        ['child', [childVersionCheck(tableName, obligations.childId, childVersion)]],
        ['obligations', plan.writes],
      ]);
      try {
        await sendTransaction(client, transaction.items);
        return true;
      } catch (error) {
        if (transaction.failedParts(error).size > 0) throw new StaleStateError('该儿童或其走访安排已变化', 'childId');
        throw error;
      }
    },
  };
}
