import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { invalidCursor, type StoredKey } from './cursor.js';

type Item = Record<string, unknown>;

/** One partition of the table or of an index, optionally narrowed to sort keys with a prefix and filtered. */
export interface PartitionQuery {
  indexName?: string;
  partitionAttribute: string;
  partitionValue: string;
  sortAttribute: string;
  sortPrefix?: string;
  /** Applied after reading, so a page may take several reads to fill. */
  filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> };
  newestFirst?: boolean;
  /** Only on the table itself: indexes are always eventually consistent. */
  consistentRead?: boolean;
}

/**
 * DynamoDB's Limit counts the items a read looks at, not those a filter keeps: a filtered read looks at more of
 * them at once, and a filtered page stops after looking at FILTERED_PAGE_BUDGET items, however few it kept, with a
 * cursor to go on from (a search for a rare name in a district of thousands comes back in bounded steps).
 */
const FILTERED_READ_LIMIT = 200;
export const FILTERED_PAGE_BUDGET = 1000;

export interface PartitionPage {
  items: Item[];
  /** Where the next page starts; null when the partition is exhausted. */
  nextKey: StoredKey | null;
}

/**
 * Reads up to `limit` matching items, continuing past reads that a filter emptied, up to the filtered page's budget.
 * When a read returns more than the page needs, the page ends at its last kept item and the next one starts right
 * after it, so nothing is skipped or repeated between pages. A page cut short by the budget ends where the reading
 * stopped: fewer items than asked, and a next key all the same.
 */
export async function queryPartitionPage(
  client: DynamoDBDocumentClient,
  tableName: string,
  query: PartitionQuery,
  limit: number,
  startKey: StoredKey | null,
): Promise<PartitionPage> {
  const keyAttributes = ['pk', 'sk', ...(query.indexName ? [query.partitionAttribute, query.sortAttribute] : [])];
  if (startKey) assertStartKeyBelongs(startKey, query, keyAttributes);
  const items: Item[] = [];
  let exclusiveStartKey: StoredKey | undefined = startKey ?? undefined;
  const prefix = query.sortPrefix !== undefined;
  let lookedAt = 0;
  do {
    const result = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: query.indexName,
        KeyConditionExpression: prefix ? '#p = :p AND begins_with(#s, :s)' : '#p = :p',
        FilterExpression: query.filter?.expression,
        ExpressionAttributeNames: {
          '#p': query.partitionAttribute,
          ...(prefix ? { '#s': query.sortAttribute } : {}),
          ...query.filter?.names,
        },
        ExpressionAttributeValues: {
          ':p': query.partitionValue,
          ...(prefix ? { ':s': query.sortPrefix } : {}),
          ...query.filter?.values,
        },
        ScanIndexForward: !query.newestFirst,
        ConsistentRead: query.consistentRead,
        // Unfiltered, one more than the page needs: when it comes back, the page knows another item follows, so
        // the last page ends with a null cursor instead of a cursor to an empty page.
        Limit: query.filter ? FILTERED_READ_LIMIT : limit - items.length + 1,
        ExclusiveStartKey: exclusiveStartKey,
      }),
    );
    const read = result.Items ?? [];
    exclusiveStartKey = result.LastEvaluatedKey as StoredKey | undefined;
    for (const [index, item] of read.entries()) {
      items.push(item);
      if (items.length < limit) continue;
      const lastOfPartition = index === read.length - 1 && exclusiveStartKey === undefined;
      return { items, nextKey: lastOfPartition ? null : keyOf(item, keyAttributes) };
    }
    lookedAt += result.ScannedCount ?? read.length;
    if (query.filter && lookedAt >= FILTERED_PAGE_BUDGET && exclusiveStartKey !== undefined) return { items, nextKey: exclusiveStartKey };
  } while (exclusiveStartKey !== undefined);
  return { items, nextKey: null };
}

function keyOf(item: Item, attributes: string[]): StoredKey {
  return Object.fromEntries(attributes.map((attribute) => [attribute, String(item[attribute])]));
}

/**
 * A cursor comes from the client. It may only move the start inside the partition the caller's scope allows; a key
 * from elsewhere is refused here instead of reaching DynamoDB as a ValidationException (a 500).
 */
function assertStartKeyBelongs(key: StoredKey, query: PartitionQuery, keyAttributes: string[]): void {
  const sameAttributes = Object.keys(key).sort().join() === [...keyAttributes].sort().join();
  const samePartition = key[query.partitionAttribute] === query.partitionValue;
  const insidePrefix = key[query.sortAttribute]?.startsWith(query.sortPrefix ?? '') ?? false;
  if (!sameAttributes || !samePartition || !insidePrefix) throw invalidCursor();
}
