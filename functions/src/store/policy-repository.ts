import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { VersionConflictError } from '../domain/errors.js';
import { districtPolicySchema, type DistrictPolicy } from '../domain/obligation.js';
import { nationalPolicyRuleIds } from '../domain/visit-rules.js';
import { auditItem, INSERT_ONLY } from './audit-items.js';
import { policyKey, stripKeys } from './keys.js';
import { outboxPuts } from './outbox-items.js';
import { policyRefreshPut } from './policy-refreshes.js';
import type { EffectivePolicy, PolicyRepository } from './ports.js';
import { putIfVersion, sendTransaction, taggedTransaction } from './transact.js';

/**
 * What a district that never chose its rules follows: the ministry's guideline (R19, R20, R21), unconfirmed visits
 * followed up after 3 days; version 0 says nobody chose it.
 */
export const DEFAULT_UNCONFIRMED_AFTER_DAYS = 3;

export function defaultPolicyOf(districtId: string): EffectivePolicy {
  return {
    districtId,
    ruleIds: [...nationalPolicyRuleIds],
    unconfirmedAfterDays: DEFAULT_UNCONFIRMED_AFTER_DAYS,
    updatedAt: null,
    updatedBy: null,
    version: 0,
  };
}

export function policyItem(policy: DistrictPolicy): Record<string, unknown> {
  return { ...policyKey(policy.districtId), entity: 'districtPolicy', ...districtPolicySchema.parse(policy) };
}

export function policyFromItem(districtId: string, item: Record<string, unknown> | undefined): EffectivePolicy {
  return item ? districtPolicySchema.parse(stripKeys(item)) : defaultPolicyOf(districtId);
}

export function createPolicyRepository(client: DynamoDBDocumentClient, tableName: string): PolicyRepository {
  return {
    async get(districtId) {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: policyKey(districtId), ConsistentRead: true }),
      );
      return policyFromItem(districtId, Item);
    },

    async put({ policy, audit, events, refresh }) {
      const stored = districtPolicySchema.parse(policy);
      const expected = stored.version - 1;
      const transaction = taggedTransaction<'policy' | 'audit' | 'events' | 'refresh'>([
        [
          'policy',
          [
            expected === 0
              ? // Version 0 is the default nobody stored: the first change creates the item.
                { Put: { TableName: tableName, Item: policyItem(stored), ConditionExpression: 'attribute_not_exists(pk)' } }
              : putIfVersion(tableName, policyItem(stored), expected),
          ],
        ],
        ['audit', [{ Put: { TableName: tableName, Item: auditItem(audit), ConditionExpression: INSERT_ONLY } }]],
        ['events', outboxPuts(tableName, events)],
        ['refresh', refresh ? [policyRefreshPut(tableName, refresh)] : []],
      ]);
      try {
        await sendTransaction(client, transaction.items);
      } catch (error) {
        if (transaction.failedParts(error).has('policy')) {
          throw new VersionConflictError('该区的走访政策已被他人修改，请刷新后重试', 'version');
        }
        throw error;
      }
    },
  };
}
