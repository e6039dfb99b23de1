import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { createDocumentClient } from '../../functions/src/store/client.js';
import { ensureTable } from '../../functions/src/store/create-table.js';
import type { Repositories } from '../../functions/src/store/ports.js';
import { createRepositories } from '../../functions/src/store/repositories.js';

export interface TestTable {
  client: DynamoDBDocumentClient;
  tableName: string;
  repositories: Repositories;
}

/**
 * A fresh table on the shared DynamoDB Local, named uniquely so test files (and tests) never see each other's
 * data. The engine runs in memory; tables go with it when the run ends.
 */
export async function createTestTable(label = 'test'): Promise<TestTable> {
  const client = createDocumentClient({ endpoint: inject('dynamoEndpoint') });
  const tableName = `${label}-${randomUUID()}`;
  await ensureTable(client, tableName);
  return { client, tableName, repositories: createRepositories(client, tableName) };
}
