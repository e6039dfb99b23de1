import { inject } from 'vitest';
import type { TestTable } from '../../support/dynamodb.js';

/**
 * Sets what the stack gives a function, with DynamoDB pointed at the test's DynamoDB Local (the SDK reads
 * AWS_ENDPOINT_URL_DYNAMODB, so the entry's own client is used unchanged). Returns the undo.
 */
export function setLambdaEnvironment(table: TestTable, variables: Record<string, string>): () => void {
  const saved = { ...process.env };
  Object.assign(process.env, {
    TABLE_NAME: table.tableName,
    AWS_REGION: 'us-east-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: inject('dynamoEndpoint'),
    ...variables,
  });
  return () => {
    process.env = saved;
  };
}
