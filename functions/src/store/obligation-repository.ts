import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { addDays } from '../domain/calendar.js';
import { childVersionCheck } from './child-items.js';
import { shanghaiDate } from '../domain/time.js';
import { childKey, dueTownPartition, dueUserPartition, GSI1, GSI2, OBLIGATION_PREFIX } from './keys.js';
import { MAX_STATE_ATTEMPTS, readObligationInputs } from './obligation-inputs.js';
import { dueEntryFromItem } from './obligation-items.js';
import { planObligations } from './obligation-plan.js';
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

    async listOfChild(childId) {
      const items = await queryItems(
        client,
        tableName,
        prefixQuery(childKey(childId).pk, OBLIGATION_PREFIX, { consistentRead: true }),
      );
      return items.map(dueEntryFromItem).sort((a, b) => a.obligation.dueDate.localeCompare(b.obligation.dueDate));
    },

    async recompute(childId, districtId, now) {
      const today = shanghaiDate(now);
      let district = districtId;
      for (let attempt = 1; ; attempt += 1) {
        if (attempt > MAX_STATE_ATTEMPTS) throw new Error('the child kept changing while its obligations were recomputed');
        const { child, state, policy } = await readObligationInputs(client, tableName, childId, district, { child: true });
        if (child === null) return false;
        if (child.region.districtId !== district) {
          // Moved to another district since the caller listed it: that district's policy applies.
          district = child.region.districtId;
          continue;
        }
        const plan = planObligations(tableName, { child, previous: state, policy, today });
        if (!plan.changed) return false;
        // The child's version guards against computing from a child that changed meanwhile without moving them.
        const transaction = taggedTransaction([
          ['child', [childVersionCheck(tableName, childId, child.version)]],
          ['obligations', plan.writes],
        ]);
        try {
          await sendTransaction(client, transaction.items);
          return true;
        } catch (error) {
          if (transaction.failedParts(error).size > 0 && attempt < MAX_STATE_ATTEMPTS) continue;
          throw error;
        }
      }
    },
  };
}
