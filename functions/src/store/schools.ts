import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AlreadyExistsError } from '../domain/errors.js';
import { schoolSchema } from '../domain/school.js';
import { isConditionalCheckFailed } from './aws-errors.js';
import { GSI1, schoolKey, schoolTownIndexKey, schoolTownPartition, stripKeys } from './keys.js';
import { queryPartitionPage } from './query-page.js';
import type { Schools } from './safety-ports.js';

/** A town has a few dozen schools at most: one bounded page is all of them. */
const MAX_SCHOOLS_OF_TOWN = 500;

export function createSchools(client: DynamoDBDocumentClient, tableName: string): Schools {
  return {
    async get(schoolId) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: schoolKey(schoolId) }));
      return Item ? schoolSchema.parse(stripKeys(Item)) : null;
    },

    async create(school) {
      const stored = schoolSchema.parse(school);
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...schoolKey(stored.id), ...schoolTownIndexKey(stored.townId, stored.id), entity: 'school', ...stored },
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (isConditionalCheckFailed(error)) throw new AlreadyExistsError('该学校已存在', 'id');
        throw error;
      }
    },

    async listInTown(townId) {
      const page = await queryPartitionPage(
        client,
        tableName,
        { indexName: GSI1, partitionAttribute: 'gsi1pk', partitionValue: schoolTownPartition(townId), sortAttribute: 'gsi1sk' },
        MAX_SCHOOLS_OF_TOWN,
        null,
      );
      return page.items.map((item) => schoolSchema.parse(stripKeys(item)));
    },
  };
}
