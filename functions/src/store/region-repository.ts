import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AlreadyExistsError } from '../domain/errors.js';
import { regionSchema } from '../domain/region.js';
import { isConditionalCheckFailed } from './aws-errors.js';
import { GSI1, regionKey, regionParentPartition, ROOT_REGIONS_PARTITION } from './keys.js';
import type { RegionRepository } from './ports.js';
import { queryPartitionPage } from './query-page.js';
import { regionFromItem, regionItem } from './region-items.js';

/** Regions under one parent; a district has a few dozen towns at most, so one bounded page is all of them. */
const MAX_CHILD_REGIONS = 1_000;

export function createRegionRepository(client: DynamoDBDocumentClient, tableName: string): RegionRepository {
  async function listUnder(partitionValue: string) {
    const page = await queryPartitionPage(
      client,
      tableName,
      { indexName: GSI1, partitionAttribute: 'gsi1pk', partitionValue, sortAttribute: 'gsi1sk' },
      MAX_CHILD_REGIONS,
      null,
    );
    return page.items.map(regionFromItem);
  }

  return {
    async get(id) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: regionKey(id) }));
      return Item ? regionFromItem(Item) : null;
    },

    async create(region) {
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: regionItem(regionSchema.parse(region)),
            ConditionExpression: 'attribute_not_exists(pk)',
          }),
        );
      } catch (error) {
        if (isConditionalCheckFailed(error)) throw new AlreadyExistsError('该行政区域已存在', 'id');
        throw error;
      }
    },

    listChildrenOf: (parentId) => listUnder(regionParentPartition(parentId)),
    listRoots: () => listUnder(ROOT_REGIONS_PARTITION),
  };
}
