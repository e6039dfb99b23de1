/**
 * The store's public face for the local server and the tests. The Lambda entry imports `client.js` and
 * `repositories.js` directly, so that its bundle never carries the DynamoDB Local starter (which wraps a Java jar).
 */
export { createRepositories } from './repositories.js';
export { createDocumentClient, type DocumentClientOptions } from './client.js';
export { ensureTable } from './create-table.js';
export { startDynamoDbLocal, type DynamoDbLocal, type DynamoDbLocalOptions } from './dynamodb-local.js';
export {
  DataDirNotWritableError,
  DynamoDbLocalError,
  DynamoDbLocalStartError,
  JavaMissingError,
  JavaTooOldError,
  PortInUseError,
} from './dynamodb-local-errors.js';
export type * from './ports.js';
export { DEFAULT_TABLE_NAME } from './table-definition.js';
