import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AlreadyExistsError } from '../domain/errors.js';
import { organizationSchema } from '../domain/organization.js';
import { isConditionalCheckFailed } from './aws-errors.js';
import { organizationKey, stripKeys } from './keys.js';
import type { OrganizationRepository } from './ports.js';

export function createOrganizationRepository(client: DynamoDBDocumentClient, tableName: string): OrganizationRepository {
  return {
    async get(id) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: organizationKey(id) }));
      return Item ? organizationSchema.parse(stripKeys(Item)) : null;
    },

    async create(organization) {
      const stored = organizationSchema.parse(organization);
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...organizationKey(stored.id), entity: 'organization', ...stored },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (isConditionalCheckFailed(error)) throw new AlreadyExistsError('该社会组织已存在', 'id');
        throw error;
      }
    },
  };
}
