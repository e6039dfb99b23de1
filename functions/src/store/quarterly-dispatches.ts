import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { VersionConflictError } from '../domain/errors.js';
import { quarterlyDispatchSchema } from '../domain/quarterly-dispatch.js';
import { isConditionalCheckFailed } from './aws-errors.js';
import { quarterlyDispatchKey, stripKeys } from './keys.js';
import type { QuarterlyDispatches } from './quarterly-dispatch-ports.js';

export function createQuarterlyDispatches(client: DynamoDBDocumentClient, tableName: string): QuarterlyDispatches {
  return {
    async get(townId, quarter) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: quarterlyDispatchKey(townId, quarter), ConsistentRead: true }));
      return Item ? quarterlyDispatchSchema.parse(stripKeys(Item)) : null;
    },

    async save(dispatch) {
      const stored = quarterlyDispatchSchema.parse(dispatch);
      const first = stored.version === 1;
      try {
        await client.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...quarterlyDispatchKey(stored.townId, stored.quarter), entity: 'quarterlyDispatch', ...stored },
            ConditionExpression: first ? 'attribute_not_exists(pk)' : '#version = :previous',
            ...(first ? {} : { ExpressionAttributeNames: { '#version': 'version' }, ExpressionAttributeValues: { ':previous': stored.version - 1 } }),
          }),
        );
      } catch (error) {
        if (isConditionalCheckFailed(error)) throw new VersionConflictError('该季度简报已被他人修改，请刷新后重试', 'version');
        throw error;
      }
    },
  };
}
