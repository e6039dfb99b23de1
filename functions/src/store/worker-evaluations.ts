import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { VersionConflictError } from '../domain/errors.js';
import { workerEvaluationSchema, type WorkerEvaluation } from '../domain/worker-evaluation.js';
import { failedConditionIndexes } from './aws-errors.js';
import { GSI1, GSI2, districtEvaluationsPartition, stripKeys, workerEvaluationIndexKeys, workerEvaluationKey, workerEvaluationsPartition } from './keys.js';
import { outboxPuts } from './outbox-items.js';
import { prefixQuery, queryItems } from './query-items.js';
import { idempotentTransaction, putIfVersion } from './transact.js';
import type { WorkerEvaluations } from './worker-evaluation-ports.js';

function evaluationItem(evaluation: WorkerEvaluation): Record<string, unknown> {
  const stored = workerEvaluationSchema.parse(evaluation);
  return {
    ...workerEvaluationKey(stored.id),
    ...workerEvaluationIndexKeys(stored.districtId, stored.year, stored.worker.id),
    entity: 'workerEvaluation',
    ...stored,
  };
}

const parse = (item: Record<string, unknown>) => workerEvaluationSchema.parse(stripKeys(item));

export function createWorkerEvaluations(client: DynamoDBDocumentClient, tableName: string): WorkerEvaluations {
  return {
    async get(evaluationId) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: workerEvaluationKey(evaluationId), ConsistentRead: true }));
      return Item ? parse(Item) : null;
    },

    async listOfDistrict(districtId, year) {
      return (await queryItems(client, tableName, prefixQuery(districtEvaluationsPartition(districtId, year), '', { index: GSI1 }))).map(parse);
    },

    async listOfWorker(workerId) {
      return (await queryItems(client, tableName, prefixQuery(workerEvaluationsPartition(workerId), '', { index: GSI2, newestFirst: true }))).map(parse);
    },

    async publish(evaluation, events) {
      try {
        await client.send(
          idempotentTransaction([
            { Put: { TableName: tableName, Item: evaluationItem(evaluation), ConditionExpression: 'attribute_not_exists(pk)' } },
            ...outboxPuts(tableName, events),
          ]),
        );
        return 'published';
      } catch (error) {
        if (failedConditionIndexes(error).includes(0)) return 'exists';
        throw error;
      }
    },

    async update(previousVersion, next, events) {
      try {
        await client.send(idempotentTransaction([putIfVersion(tableName, evaluationItem(next), previousVersion), ...outboxPuts(tableName, events)]));
      } catch (error) {
        if (failedConditionIndexes(error).includes(0)) throw new VersionConflictError('该考核已被他人处理，请刷新后查看', 'version');
        throw error;
      }
    },
  };
}
