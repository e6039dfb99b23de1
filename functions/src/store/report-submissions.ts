import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { AlreadyExistsError } from '../domain/errors.js';
import { reportSubmissionSchema, type ReportSubmission } from '../domain/report-submission.js';
import { failedConditionIndexes } from './aws-errors.js';
import { auditItem, INSERT_ONLY } from './audit-items.js';
import { GSI1, reportSubmissionKey, reportSubmissionsPartition, stripKeys } from './keys.js';
import { prefixQuery, queryItems } from './query-items.js';
import type { ReportSubmissions } from './report-submission-ports.js';
import { sendTransaction } from './transact.js';

function submissionFromItem(item: Record<string, unknown>): ReportSubmission {
  return reportSubmissionSchema.parse(stripKeys(item));
}

export function createReportSubmissions(client: DynamoDBDocumentClient, tableName: string): ReportSubmissions {
  return {
    async create(submission, audit) {
      const valid = reportSubmissionSchema.parse(submission);
      const item = {
        ...reportSubmissionKey(valid.regionId, valid.month),
        gsi1pk: reportSubmissionsPartition(valid.parentId, valid.month),
        gsi1sk: valid.regionId,
        entity: 'reportSubmission',
        ...valid,
      };
      try {
        await sendTransaction(client, [
          { Put: { TableName: tableName, Item: item, ConditionExpression: INSERT_ONLY } },
          { Put: { TableName: tableName, Item: auditItem(audit), ConditionExpression: INSERT_ONLY } },
        ]);
      } catch (error) {
        if (failedConditionIndexes(error).includes(0)) throw new AlreadyExistsError('该月的汇报已提交，不能重复提交', 'month');
        throw error;
      }
    },

    async get(regionId, month) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: reportSubmissionKey(regionId, month), ConsistentRead: true }));
      return Item ? submissionFromItem(Item) : null;
    },

    async listTo(parentId, month) {
      const items = await queryItems(client, tableName, prefixQuery(reportSubmissionsPartition(parentId, month), '', { index: GSI1 }));
      return items.map(submissionFromItem);
    },
  };
}
