import { BatchGetCommand, BatchWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { PrimaryKey } from './keys.js';

type Item = Record<string, unknown>;

const BATCH_WRITE_LIMIT = 25;
export const BATCH_GET_LIMIT = 100;
const MAX_ATTEMPTS = 8;

/**
 * Puts items with BatchWriteItem, 25 at a time, re-sending what DynamoDB leaves unprocessed (throttling returns them
 * rather than failing) with exponential backoff and jitter, as the AWS guidance asks.
 */
export async function batchPut(client: DynamoDBDocumentClient, tableName: string, items: Item[]): Promise<void> {
  for (let start = 0; start < items.length; start += BATCH_WRITE_LIMIT) {
    let requests = items.slice(start, start + BATCH_WRITE_LIMIT).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 1; requests.length > 0; attempt++) {
      if (attempt > MAX_ATTEMPTS) throw new Error(`BatchWriteItem left ${requests.length} items unprocessed`);
      if (attempt > 1) await backoff(attempt);
      const result = await client.send(new BatchWriteCommand({ RequestItems: { [tableName]: requests } }));
      requests = (result.UnprocessedItems?.[tableName] ?? []) as typeof requests;
    }
  }
}

/** Gets items by key with BatchGetItem (consistent reads), retrying unprocessed keys; returns them by `pk`. */
export async function batchGet(
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: PrimaryKey[],
): Promise<Map<string, Item>> {
  const found = new Map<string, Item>();
  for (let start = 0; start < keys.length; start += BATCH_GET_LIMIT) {
    let pending: Item[] = keys.slice(start, start + BATCH_GET_LIMIT).map((key) => ({ ...key }));
    for (let attempt = 1; pending.length > 0; attempt++) {
      if (attempt > MAX_ATTEMPTS) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed`);
      if (attempt > 1) await backoff(attempt);
      const result = await client.send(
        new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
      );
      for (const item of result.Responses?.[tableName] ?? []) found.set(item.pk as string, item);
      pending = result.UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  }
  return found;
}

function backoff(attempt: number): Promise<void> {
  const ms = Math.min(50 * 2 ** (attempt - 2), 2_000) * (0.5 + Math.random() / 2);
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Several items by key in one BatchGetItem (consistent reads), answered in the order of `keys`, undefined where
 * there is none. Unlike batchGet, items of one partition (a child's state items) are told apart by their sort key.
 */
export async function getItems(
  client: DynamoDBDocumentClient,
  tableName: string,
  keys: PrimaryKey[],
): Promise<(Item | undefined)[]> {
  if (keys.length > BATCH_GET_LIMIT) throw new Error(`getItems takes at most ${BATCH_GET_LIMIT} keys`);
  const found = new Map<string, Item>();
  const id = (key: { pk: unknown; sk: unknown }) => `${String(key.pk)}\n${String(key.sk)}`;
  let pending: Item[] = keys.map((key) => ({ ...key }));
  for (let attempt = 1; pending.length > 0; attempt++) {
    if (attempt > MAX_ATTEMPTS) throw new Error(`BatchGetItem left ${pending.length} keys unprocessed`);
    if (attempt > 1) await backoff(attempt);
    const result = await client.send(
      new BatchGetCommand({ RequestItems: { [tableName]: { Keys: pending, ConsistentRead: true } } }),
    );
    for (const item of result.Responses?.[tableName] ?? []) found.set(id(item as PrimaryKey), item);
    pending = result.UnprocessedKeys?.[tableName]?.Keys ?? [];
  }
  return keys.map((key) => found.get(id(key)));
}
