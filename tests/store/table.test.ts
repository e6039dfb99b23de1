import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { ensureTable } from '../../functions/src/store/create-table.js';
import { TABLE_INDEXES, TTL_ATTRIBUTE } from '../../functions/src/store/table-definition.js';
import { createTestTable } from '../support/dynamodb.js';

describe('ensureTable on DynamoDB Local', () => {
  it('creates the table of table-definition.ts, on demand, with both indexes projecting all and TTL on', async () => {
    // Prepare / Act
    const { client, tableName } = await createTestTable('table');

    // Assess
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.TableStatus).toBe('ACTIVE');
    expect(Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    const indexes = (Table?.GlobalSecondaryIndexes ?? []).map((i) => ({
      name: i.IndexName,
      keys: i.KeySchema?.map((k) => k.AttributeName),
      projection: i.Projection?.ProjectionType,
    }));
    expect(indexes.sort((a, b) => a.name!.localeCompare(b.name!))).toEqual(
      TABLE_INDEXES.map((i) => ({ name: i.indexName, keys: [i.partitionKey, i.sortKey], projection: 'ALL' })),
    );
    const ttl = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
    expect(ttl.TimeToLiveDescription).toMatchObject({ TimeToLiveStatus: 'ENABLED', AttributeName: TTL_ATTRIBUTE });
  });

  it('is idempotent: a second and a concurrent call leave the table and its data as they were', async () => {
    // Prepare
    const { client, tableName, repositories } = await createTestTable('table');
    await repositories.regions.create({ id: 'c1', level: 'city', name: '上海市', parentId: null });

    // Act
    await ensureTable(client, tableName);
    await Promise.all([ensureTable(client, tableName), ensureTable(client, tableName)]);

    // Assess
    expect(await repositories.regions.get('c1')).toEqual({ id: 'c1', level: 'city', name: '上海市', parentId: null });
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    expect(Table?.GlobalSecondaryIndexes).toHaveLength(TABLE_INDEXES.length);
  });
});
