import { GetCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AlreadyExistsError } from '../domain/errors.js';
import { userSchema, type User } from '../domain/user.js';
import { failedConditionIndexes } from './aws-errors.js';
import { GSI2, stripKeys, userKey, usersInRegionPartition, usersInRegionSortPrefix, usersOfOrganizationPartition, wechatOpenIdKey } from './keys.js';
import type { UserRepository } from './ports.js';

const USER_ACTION = 0;

/**
 * A scoped user is listed under the region of their post (keys.ts), so a town's supervisors are one query; a user of
 * an organization under the organization (R8's pledge roster, issue 11).
 */
export function userItem(user: User): Record<string, unknown> {
  const post =
    user.scope === null ? {} : { gsi1pk: usersInRegionPartition(user.scope.regionId), gsi1sk: `${usersInRegionSortPrefix(user.role)}${user.id}` };
  const organization =
    user.organizationId === null ? {} : { gsi2pk: usersOfOrganizationPartition(user.organizationId), gsi2sk: `${usersInRegionSortPrefix(user.role)}${user.id}` };
  return { ...userKey(user.id), ...post, ...organization, entity: 'user', ...user };
}
const OPENID_ACTION = 1;

/** The item that finds an account by its WeChat openid (and keeps two accounts from claiming one). */
export function openIdItem(openId: string, userId: string): Record<string, unknown> {
  return { ...wechatOpenIdKey(openId), entity: 'wechatOpenId', userId };
}

/**
 * A user and, when bound, the uniqueness item of their WeChat openid, written together: two accounts can never
 * claim the same openid, and login finds the account with two key reads instead of a scan.
 */
export function createUserRepository(client: DynamoDBDocumentClient, tableName: string): UserRepository {
  async function get(id: string): Promise<User | null> {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: userKey(id), ConsistentRead: true }));
    return Item ? userSchema.parse(stripKeys(Item)) : null;
  }

  return {
    get,

    async findByWechatOpenId(openId) {
      const { Item } = await client.send(
        new GetCommand({ TableName: tableName, Key: wechatOpenIdKey(openId), ConsistentRead: true }),
      );
      return Item ? get(Item.userId as string) : null;
    },

    async listByOrganization(organizationId) {
      const users: User[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: tableName,
            IndexName: GSI2,
            KeyConditionExpression: 'gsi2pk = :pk',
            ExpressionAttributeValues: { ':pk': usersOfOrganizationPartition(organizationId) },
            ExclusiveStartKey,
          }),
        );
        users.push(...(page.Items ?? []).map((item) => userSchema.parse(stripKeys(item))));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return users;
    },

    async create(user) {
      const stored = userSchema.parse(user);
      const createOnce = 'attribute_not_exists(pk)';
      const transaction = new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tableName, Item: userItem(stored), ConditionExpression: createOnce } },
          ...(stored.wechatOpenId === null
            ? []
            : [
                {
                  Put: { TableName: tableName, Item: openIdItem(stored.wechatOpenId, stored.id), ConditionExpression: createOnce },
                },
              ]),
        ],
      });
      try {
        await client.send(transaction);
      } catch (error) {
        const failed = failedConditionIndexes(error);
        if (failed.includes(USER_ACTION)) throw new AlreadyExistsError('该用户已存在', 'id');
        if (failed.includes(OPENID_ACTION)) throw new AlreadyExistsError('该微信账号已绑定其他用户', 'wechatOpenId');
        throw error;
      }
    },
  };
}
