import type { TestProject } from 'vitest/node';
import { startDynamoDbLocal } from '../../functions/src/store/dynamodb-local.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** DynamoDB Local shared by every file of the `dynamodb` project; each file makes its own table. */
    dynamoEndpoint: string;
  }
}

/** One in-memory DynamoDB Local (the real engine) on a free port for the whole run, stopped at the end. */
export default async function setup(project: TestProject) {
  const dynamo = await startDynamoDbLocal();
  project.provide('dynamoEndpoint', dynamo.endpoint);
  return async () => {
    await dynamo.stop();
  };
}
