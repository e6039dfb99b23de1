import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { policyRefreshSchema, type PolicyRefresh } from '../domain/policy-refresh.js';
import { failedConditionIndexes } from './aws-errors.js';
import { policyRefreshKey, stripKeys } from './keys.js';
import { outboxPuts } from './outbox-items.js';
import type { PolicyRefreshes } from './ports.js';
import { sendTransaction, type TransactItems } from './transact.js';

export function policyRefreshItem(refresh: PolicyRefresh): Record<string, unknown> {
  return { ...policyRefreshKey(refresh.districtId), entity: 'policyRefresh', ...policyRefreshSchema.parse(refresh) };
}

/** For the policy's own transaction: a new version's record replaces whatever run was under way. */
export function policyRefreshPut(tableName: string, refresh: PolicyRefresh): TransactItems[number] {
  return { Put: { TableName: tableName, Item: policyRefreshItem(refresh) } };
}

export function createPolicyRefreshes(client: DynamoDBDocumentClient, tableName: string): PolicyRefreshes {
  return {
    async get(districtId) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: policyRefreshKey(districtId), ConsistentRead: true }));
      return Item ? policyRefreshSchema.parse(stripKeys(Item)) : null;
    },

    async advance(previous, next, events) {
      const guarded: TransactItems[number] = {
        Put: {
          TableName: tableName,
          Item: policyRefreshItem(next),
          ConditionExpression: '#version = :version AND #step = :step',
          ExpressionAttributeNames: { '#version': 'policyVersion', '#step': 'step' },
          ExpressionAttributeValues: { ':version': previous.policyVersion, ':step': previous.step },
        },
      };
      try {
        await sendTransaction(client, [guarded, ...outboxPuts(tableName, events)]);
        return true;
      } catch (error) {
        if (failedConditionIndexes(error).includes(0)) return false;
        throw error;
      }
    },
  };
}
