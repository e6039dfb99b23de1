import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry } from '../domain/audit.js';
import { auditFromItem, auditItem } from './audit-items.js';
import { batchPut } from './batch.js';
import { auditActorPartition, auditChildPartition, GSI2 } from './keys.js';
import type { AuditRepository } from './ports.js';
import { decodeCursor, encodeCursor, invalidCursor } from './cursor.js';
import { queryPartitionPage, type PartitionQuery } from './query-page.js';

/** "Who viewed this record", newest first, by child and by the person who acted. */
export function createAuditRepository(client: DynamoDBDocumentClient, tableName: string): AuditRepository {
  async function listNewestFirst(query: PartitionQuery, limit: number): Promise<AuditEntry[]> {
    const page = await queryPartitionPage(client, tableName, { ...query, newestFirst: true }, limit, null);
    return page.items.map(auditFromItem);
  }

  return {
    async record(entries) {
      // BatchWriteItem refuses two requests for one key; an entry recorded twice is the same entry.
      const unique = [...new Map(entries.map((entry) => [entry.id, entry])).values()];
      await batchPut(client, tableName, unique.map(auditItem));
    },

    listByChild(childId, limit) {
      return listNewestFirst(
        { partitionAttribute: 'pk', partitionValue: auditChildPartition(childId), sortAttribute: 'sk', consistentRead: true },
        limit,
      );
    },

    async pageByChild(childId, page) {
      const cursor = decodeCursor(page.cursor);
      if (cursor?.d !== undefined) throw invalidCursor();
      const query = { partitionAttribute: 'pk', partitionValue: auditChildPartition(childId), sortAttribute: 'sk', newestFirst: true, consistentRead: true };
      const part = await queryPartitionPage(client, tableName, query, page.limit, cursor?.k ?? null);
      return { items: part.items.map(auditFromItem), nextCursor: part.nextKey ? encodeCursor({ k: part.nextKey }) : null };
    },

    listByActor(actorId, limit) {
      return listNewestFirst(
        { indexName: GSI2, partitionAttribute: 'gsi2pk', partitionValue: auditActorPartition(actorId), sortAttribute: 'gsi2sk' },
        limit,
      );
    },
  };
}
