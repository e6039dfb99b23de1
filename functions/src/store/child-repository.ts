import { createHash } from 'node:crypto';
import {
  GetCommand,
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { childSchema } from '../domain/child.js';
import { AlreadyExistsError, VersionConflictError } from '../domain/errors.js';
import { auditItem, INSERT_ONLY } from './audit-items.js';
import { failedConditionIndexes } from './aws-errors.js';
import { childFromItem, childItem, diffMemberships, membershipItem, membershipsOf } from './child-items.js';
import { listChildren } from './child-list.js';
import { childKey, membershipKey } from './keys.js';
import type { ChildRepository } from './ports.js';
import type { RegionLookup } from './region-lookup.js';

/** The child's own item is always the first action of its transactions, so its cancellation reason is at index 0. */
const CHILD_ACTION = 0;

export function createChildRepository(
  client: DynamoDBDocumentClient,
  tableName: string,
  regions: RegionLookup,
): ChildRepository {
  return {
    async get(id) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: childKey(id), ConsistentRead: true }));
      return Item ? childFromItem(Item) : null;
    },

    async create(child, audit) {
      const stored = childSchema.parse(child);
      const transaction = idempotentTransaction([
        { Put: { TableName: tableName, Item: childItem(stored), ConditionExpression: 'attribute_not_exists(pk)' } },
        ...membershipsOf(stored).map((m) => ({ Put: { TableName: tableName, Item: membershipItem(stored.id, m) } })),
        { Put: { TableName: tableName, Item: auditItem(audit), ConditionExpression: INSERT_ONLY } },
      ]);
      try {
        await client.send(transaction);
      } catch (error) {
        if (failedConditionIndexes(error).includes(CHILD_ACTION)) {
          throw new AlreadyExistsError('该儿童档案已存在', 'id');
        }
        throw error;
      }
    },

    async update(previous, next, audit) {
      // Programming errors, not user errors: the lock only works if every change moves the version on by one.
      if (next.id !== previous.id) throw new Error('update() must keep the child id');
      if (next.version !== previous.version + 1) throw new Error('update() must raise the version by one');
      const stored = childSchema.parse(next);
      const { removed, added } = diffMemberships(previous, stored);
      const transaction = idempotentTransaction([
        {
          // Optimistic locking: the whole item is replaced only if nobody changed it since `previous` was read.
          Put: {
            TableName: tableName,
            Item: childItem(stored),
            ConditionExpression: '#version = :expected',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':expected': previous.version },
          },
        },
        ...removed.map((m) => ({
          Delete: { TableName: tableName, Key: membershipKey(m.userId, m.relation, stored.id) },
        })),
        ...added.map((m) => ({ Put: { TableName: tableName, Item: membershipItem(stored.id, m) } })),
        { Put: { TableName: tableName, Item: auditItem(audit), ConditionExpression: INSERT_ONLY } },
      ]);
      try {
        await client.send(transaction);
      } catch (error) {
        if (failedConditionIndexes(error).includes(CHILD_ACTION)) {
          throw new VersionConflictError('该儿童档案已被他人修改，请刷新后重试', 'version');
        }
        throw error;
      }
    },

    list(scope, page) {
      return listChildren({ client, tableName, regions }, scope, page);
    },
  };
}

type TransactItems = NonNullable<TransactWriteCommandInput['TransactItems']>;

/**
 * Makes the SDK's own retry of a transaction idempotent for ten minutes: a retry after a lost answer would otherwise
 * fail its own condition and report a conflict that never happened. The token is a hash of the whole request, so
 * only an identical request counts as a repeat (a token reused with other content would be refused by DynamoDB).
 */
function idempotentTransaction(items: TransactItems): TransactWriteCommand {
  const token = createHash('sha256').update(JSON.stringify(items)).digest('hex').slice(0, 36);
  return new TransactWriteCommand({ TransactItems: items, ClientRequestToken: token });
}
