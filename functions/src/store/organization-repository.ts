import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AlreadyExistsError } from '../domain/errors.js';
import { organizationSchema } from '../domain/organization.js';
import { isConditionalCheckFailed } from './aws-errors.js';
import { GSI1, organizationDistrictIndexKey, organizationDistrictPartition, organizationKey, stripKeys } from './keys.js';
import { readOrganizationServices } from './organization-service.js';
import type { OrganizationRepository } from './ports.js';
import { queryItems } from './query-items.js';

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
            Item: { ...organizationKey(stored.id), ...organizationDistrictIndexKey(stored.districtId, stored.id), entity: 'organization', ...stored },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (isConditionalCheckFailed(error)) throw new AlreadyExistsError('该社会组织已存在', 'id');
        throw error;
      }
    },

    async listInDistrict(districtId) {
      const items = await queryItems(client, tableName, {
        indexName: GSI1,
        keyCondition: '#p = :p',
        names: { '#p': 'gsi1pk' },
        values: { ':p': organizationDistrictPartition(districtId) },
      });
      return items.map((item) => organizationSchema.parse(stripKeys(item)));
    },

    servicesIn(organizationIds, months) {
      return readOrganizationServices(client, tableName, organizationIds, months);
    },
  };
}
