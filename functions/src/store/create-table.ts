import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type AttributeDefinition,
  type GlobalSecondaryIndex,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { TABLE_INDEXES, TABLE_KEY, TTL_ATTRIBUTE } from './table-definition.js';

/**
 * Creates the single table from table-definition.ts (the shape the CDK stack also uses) where it is missing, adds
 * any index a newer definition has, and turns on TTL. Safe to call on every start: a second call changes nothing.
 */
export async function ensureTable(client: DynamoDBDocumentClient, tableName: string): Promise<void> {
  let table = await describeTable(client, tableName);
  if (!table) {
    try {
      await client.send(
        new CreateTableCommand({
          TableName: tableName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: attributeDefinitions(),
          KeySchema: [
            { AttributeName: TABLE_KEY.partitionKey, KeyType: 'HASH' },
            { AttributeName: TABLE_KEY.sortKey, KeyType: 'RANGE' },
          ],
          GlobalSecondaryIndexes: TABLE_INDEXES.map(globalSecondaryIndex),
        }),
      );
    } catch (error) {
      // Another process (a parallel test file, a second `npm start`) created it first: that is fine.
      if ((error as Error).name !== 'ResourceInUseException') throw error;
    }
    table = await waitUntilActive(client, tableName);
  }
  await addMissingIndexes(client, tableName, table);
  await enableTimeToLive(client, tableName);
}

function attributeDefinitions(): AttributeDefinition[] {
  const names = [TABLE_KEY.partitionKey, TABLE_KEY.sortKey, ...TABLE_INDEXES.flatMap((i) => [i.partitionKey, i.sortKey])];
  return names.map((name) => ({ AttributeName: name, AttributeType: 'S' }));
}

function globalSecondaryIndex(index: (typeof TABLE_INDEXES)[number]): GlobalSecondaryIndex {
  return {
    IndexName: index.indexName,
    KeySchema: [
      { AttributeName: index.partitionKey, KeyType: 'HASH' },
      { AttributeName: index.sortKey, KeyType: 'RANGE' },
    ],
    Projection: { ProjectionType: 'ALL' },
  };
}

/** DynamoDB creates one index per UpdateTable call, so a table from an older definition gets them one by one. */
async function addMissingIndexes(client: DynamoDBDocumentClient, tableName: string, table: TableDescription) {
  const existing = new Set((table.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  for (const index of TABLE_INDEXES.filter((i) => !existing.has(i.indexName))) {
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: attributeDefinitions().filter((d) =>
          [index.partitionKey, index.sortKey].includes(d.AttributeName as never),
        ),
        GlobalSecondaryIndexUpdates: [{ Create: globalSecondaryIndex(index) }],
      }),
    );
    await waitUntilActive(client, tableName);
  }
}

async function enableTimeToLive(client: DynamoDBDocumentClient, tableName: string) {
  const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  const status = ttl.TimeToLiveDescription?.TimeToLiveStatus;
  if (status === 'ENABLED' || status === 'ENABLING') return;
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
    }),
  );
}

async function describeTable(client: DynamoDBDocumentClient, tableName: string): Promise<TableDescription | null> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    return Table ?? null;
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') return null;
    throw error;
  }
}

/** Polls until the table and all its indexes are ACTIVE (seconds in the cloud, at once on DynamoDB Local). */
async function waitUntilActive(client: DynamoDBDocumentClient, tableName: string, timeoutMs = 300_000) {
  const deadline = Date.now() + timeoutMs;
  for (let wait = 50; ; wait = Math.min(wait * 2, 5_000)) {
    const table = await describeTable(client, tableName);
    const indexesActive = (table?.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE');
    if (table?.TableStatus === 'ACTIVE' && indexesActive) return table;
    if (Date.now() > deadline) throw new Error(`Table ${tableName} did not become ACTIVE in ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
