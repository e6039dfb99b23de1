import { GetCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { isConditionalCheckFailed } from './aws-errors.js';
import type { JobRunKey, JobRunRecord, JobRuns } from './job-run-ports.js';
import { jobRunKey, stripKeys } from './keys.js';

/**
 * A year of runs stays to look at (one item per job and day); TTL then removes them. A schedule never fires a time
 * again that late, and a run by hand for an older date simply runs again.
 */
export const JOB_RUN_TTL_SECONDS = 366 * 24 * 3_600;

function keyOf(key: JobRunKey) {
  return jobRunKey(key.job, key.scheduledTime);
}

/** The run's record in the table, changed by conditional updates only: whoever holds `runId` owns it. */
export function createJobRuns(client: DynamoDBDocumentClient, tableName: string): JobRuns {
  async function settle(
    key: JobRunKey,
    runId: string,
    set: string,
    names: Record<string, string>,
    values: Record<string, unknown>,
  ): Promise<boolean> {
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: keyOf(key),
          UpdateExpression: `SET ${set}`,
          ConditionExpression: 'runId = :runId',
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: { ':runId': runId, ...values },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  return {
    async claim(key, { runId, now, leaseUntil }) {
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName,
            Key: keyOf(key),
            UpdateExpression:
              'SET entity = :entity, job = :job, scheduledTime = :scheduledTime, #status = :running, runId = :runId, ' +
              'startedAt = :now, leaseUntil = :leaseUntil, finishedAt = :null, outcome = :null, #error = :null, ' +
              'attempts = if_not_exists(attempts, :zero) + :one, expiresAt = :expiresAt',
            ConditionExpression:
              'attribute_not_exists(pk) OR #status = :failed OR (#status = :running AND leaseUntil < :now)',
            ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
            ExpressionAttributeValues: {
              ':entity': 'jobRun',
              ':job': key.job,
              ':scheduledTime': key.scheduledTime.toISOString(),
              ':running': 'running',
              ':failed': 'failed',
              ':runId': runId,
              ':now': now.toISOString(),
              ':leaseUntil': leaseUntil.toISOString(),
              ':null': null,
              ':zero': 0,
              ':one': 1,
              ':expiresAt': Math.floor(key.scheduledTime.getTime() / 1000) + JOB_RUN_TTL_SECONDS,
            },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          }),
        );
        return { claimed: true };
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
        const status = (error as { Item?: Record<string, { S?: string }> }).Item?.status?.S;
        return { claimed: false, status: status === 'done' ? 'done' : 'running' };
      }
    },

    finish(key, runId, { now, outcome }) {
      return settle(key, runId, '#status = :done, finishedAt = :now, outcome = :outcome', { '#status': 'status' }, {
        ':done': 'done',
        ':now': now.toISOString(),
        ':outcome': outcome,
      });
    },

    fail(key, runId, { now, error }) {
      const names = { '#status': 'status', '#error': 'error' };
      return settle(key, runId, '#status = :failed, finishedAt = :now, #error = :error', names, {
        ':failed': 'failed',
        ':now': now.toISOString(),
        ':error': error,
      });
    },

    async get(key) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: keyOf(key), ConsistentRead: true }));
      return Item ? (stripKeys(Item) as unknown as JobRunRecord) : null;
    },
  };
}
