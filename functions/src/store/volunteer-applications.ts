import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AlreadyExistsError, VersionConflictError } from '../domain/errors.js';
import { userSchema } from '../domain/user.js';
import { volunteerApplicationSchema, type VolunteerApplication } from '../domain/volunteer-application.js';
import { failedConditionIndexes } from './aws-errors.js';
import {
  GSI1,
  openIdApplicationKey,
  stripKeys,
  volunteerApplicationIndexKey,
  volunteerApplicationKey,
  volunteerApplicationsPartition,
} from './keys.js';
import { outboxPuts } from './outbox-items.js';
import { queryItems } from './query-items.js';
import { idempotentTransaction, putIfVersion, type TransactItems } from './transact.js';
import { openIdItem, userItem } from './user-repository.js';
import type { VolunteerApplications } from './volunteer-application-ports.js';

const CREATE_ONCE = 'attribute_not_exists(pk)';

function applicationItem(application: VolunteerApplication): Record<string, unknown> {
  const stored = volunteerApplicationSchema.parse(application);
  return {
    ...volunteerApplicationKey(stored.id),
    ...volunteerApplicationIndexKey(stored.organizationId, stored.status, stored.appliedAt, stored.id),
    entity: 'volunteerApplication',
    ...stored,
  };
}

/**
 * Applications (issue 11 part 2). The openid's item beside its login item makes "one application per WeChat user"
 * a condition of the same transaction as the application, so two taps of 提交 can never make two.
 */
export function createVolunteerApplications(client: DynamoDBDocumentClient, tableName: string): VolunteerApplications {
  async function get(id: string): Promise<VolunteerApplication | null> {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: volunteerApplicationKey(id), ConsistentRead: true }));
    return Item ? volunteerApplicationSchema.parse(stripKeys(Item)) : null;
  }

  return {
    get,

    async findByOpenId(openId) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: openIdApplicationKey(openId), ConsistentRead: true }));
      return Item ? get(Item.applicationId as string) : null;
    },

    async create(application, events) {
      const items: TransactItems = [
        {
          Put: {
            TableName: tableName,
            Item: { ...openIdApplicationKey(application.wechatOpenId), entity: 'openIdApplication', applicationId: application.id },
            ConditionExpression: CREATE_ONCE,
          },
        },
        { Put: { TableName: tableName, Item: applicationItem(application), ConditionExpression: CREATE_ONCE } },
        ...outboxPuts(tableName, events),
      ];
      try {
        await client.send(idempotentTransaction(items));
        return 'created';
      } catch (error) {
        if (failedConditionIndexes(error).includes(0)) return 'exists';
        throw error;
      }
    },

    async listOfOrganization(organizationId, status, limit) {
      const items = await queryItems(client, tableName, {
        indexName: GSI1,
        keyCondition: '#p = :p AND begins_with(#s, :s)',
        names: { '#p': 'gsi1pk', '#s': 'gsi1sk' },
        values: { ':p': volunteerApplicationsPartition(organizationId), ':s': `${status}#` },
        limit,
      });
      return items.map((item) => volunteerApplicationSchema.parse(stripKeys(item)));
    },

    async review({ previousVersion, next, account, events }) {
      const accountItems: TransactItems =
        account === null
          ? []
          : [
              { Put: { TableName: tableName, Item: userItem(userSchema.parse(account)), ConditionExpression: CREATE_ONCE } },
              { Put: { TableName: tableName, Item: openIdItem(next.wechatOpenId, account.id), ConditionExpression: CREATE_ONCE } },
            ];
      const items: TransactItems = [putIfVersion(tableName, applicationItem(next), previousVersion), ...accountItems, ...outboxPuts(tableName, events)];
      try {
        await client.send(idempotentTransaction(items));
      } catch (error) {
        const failed = failedConditionIndexes(error);
        if (failed.includes(0)) throw new VersionConflictError('该申请已被他人处理，请刷新后查看', 'version');
        if (failed.length > 0) throw new AlreadyExistsError('该微信账号已绑定其他用户', 'wechatOpenId');
        throw error;
      }
    },
  };
}
