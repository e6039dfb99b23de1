import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

type Item = Record<string, unknown>;

/** One key condition on the table or an index, read to its end or until `limit` items. */
export interface ItemQuery {
  indexName?: string;
  keyCondition: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
  newestFirst?: boolean;
  /** Only on the table itself: indexes are always eventually consistent. */
  consistentRead?: boolean;
  limit?: number;
}

export async function queryItems(client: DynamoDBDocumentClient, tableName: string, query: ItemQuery): Promise<Item[]> {
  const items: Item[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const result = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: query.indexName,
        KeyConditionExpression: query.keyCondition,
        ExpressionAttributeNames: query.names,
        ExpressionAttributeValues: query.values,
        ScanIndexForward: !query.newestFirst,
        ConsistentRead: query.consistentRead,
        Limit: query.limit === undefined ? undefined : query.limit - items.length,
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(result.Items ?? []));
    start = result.LastEvaluatedKey;
  } while (start && (query.limit === undefined || items.length < query.limit));
  return items;
}

/** The items of one partition whose sort key starts with `prefix` (all of them for an empty prefix). */
export function prefixQuery(
  partitionValue: string,
  prefix: string,
  options: Omit<Partial<ItemQuery>, 'keyCondition' | 'names' | 'values'> & { index?: 'gsi1' | 'gsi2' } = {},
): ItemQuery {
  const { index, ...rest } = options;
  const partition = index ? `${index}pk` : 'pk';
  const sort = index ? `${index}sk` : 'sk';
  return {
    indexName: index,
    ...(prefix === ''
      ? { keyCondition: '#p = :p', names: { '#p': partition }, values: { ':p': partitionValue } }
      : {
          keyCondition: '#p = :p AND begins_with(#s, :s)',
          names: { '#p': partition, '#s': sort },
          values: { ':p': partitionValue, ':s': prefix },
        }),
    ...rest,
  };
}

/** An expression on attributes other than the keys: applied after the key condition, so it narrows, never bounds, the read. */
export interface ItemFilter {
  expression: string;
  names: Record<string, string>;
  values: Record<string, unknown>;
}

/** How many items one key condition (and filter) finds, counted by DynamoDB (`Select: COUNT`) without returning them. */
export async function countItems(client: DynamoDBDocumentClient, tableName: string, query: ItemQuery, filter?: ItemFilter): Promise<number> {
  let total = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const result = await client.send(
      new QueryCommand({
        TableName: tableName,
        IndexName: query.indexName,
        Select: 'COUNT',
        KeyConditionExpression: query.keyCondition,
        FilterExpression: filter?.expression,
        ExpressionAttributeNames: { ...query.names, ...filter?.names },
        ExpressionAttributeValues: { ...query.values, ...filter?.values },
        ConsistentRead: query.consistentRead,
        ExclusiveStartKey: start,
      }),
    );
    total += result.Count ?? 0;
    start = result.LastEvaluatedKey;
  } while (start);
  return total;
}
