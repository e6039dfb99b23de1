import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { callbackSampleSchema, callbackSchema, type Callback } from '../domain/callback-inspection.js';
import { failedConditionIndexes } from './aws-errors.js';
import type { CallbackInspections } from './callback-inspection-ports.js';
import { CALLBACK_PREFIX, GSI1, callbackKey, callbackSampleKey, callbackSamplesIndexKey, callbackSamplesPartition, stripKeys } from './keys.js';
import { outboxPuts } from './outbox-items.js';
import { prefixQuery, queryItems } from './query-items.js';
import { idempotentTransaction } from './transact.js';

const CREATE_ONCE = 'attribute_not_exists(pk)';

export function createCallbackInspections(client: DynamoDBDocumentClient, tableName: string): CallbackInspections {
  async function getCallback(sampleId: string, childId: string): Promise<Callback | null> {
    const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: callbackKey(sampleId, childId), ConsistentRead: true }));
    return Item ? callbackSchema.parse(stripKeys(Item)) : null;
  }

  return {
    async saveSample(sample, events) {
      const stored = callbackSampleSchema.parse(sample);
      const item = { ...callbackSampleKey(stored.id), ...callbackSamplesIndexKey(stored.area.regionId, stored.drawnAt, stored.id), entity: 'callbackSample', ...stored };
      await client.send(idempotentTransaction([{ Put: { TableName: tableName, Item: item, ConditionExpression: CREATE_ONCE } }, ...outboxPuts(tableName, events)]));
    },

    async getSample(sampleId) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: callbackSampleKey(sampleId), ConsistentRead: true }));
      return Item ? callbackSampleSchema.parse(stripKeys(Item)) : null;
    },

    async listSamples(regionId, limit) {
      const items = await queryItems(client, tableName, prefixQuery(callbackSamplesPartition(regionId), '', { index: GSI1, newestFirst: true, limit }));
      return items.map((item) => callbackSampleSchema.parse(stripKeys(item)));
    },

    async listCallbacks(sampleId) {
      const items = await queryItems(client, tableName, prefixQuery(callbackSampleKey(sampleId).pk, CALLBACK_PREFIX, { consistentRead: true }));
      return items.map((item) => callbackSchema.parse(stripKeys(item)));
    },

    async recordCallback(callback, events) {
      const stored = callbackSchema.parse(callback);
      const item = { ...callbackKey(stored.sampleId, stored.childId), entity: 'callback', ...stored };
      try {
        await client.send(idempotentTransaction([{ Put: { TableName: tableName, Item: item, ConditionExpression: CREATE_ONCE } }, ...outboxPuts(tableName, events)]));
        return 'recorded';
      } catch (error) {
        if (!failedConditionIndexes(error).includes(0)) throw error;
        const existing = await getCallback(stored.sampleId, stored.childId);
        if (existing === null) throw error;
        return { stored: existing };
      }
    },
  };
}
