import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { caseFileSubmissionSchema } from '../domain/case-file-submission.js';
import { AlreadyExistsError } from '../domain/errors.js';
import { auditItem, INSERT_ONLY } from './audit-items.js';
import { failedConditionIndexes } from './aws-errors.js';
import type { CaseFileSubmissions } from './case-file-submission-ports.js';
import { caseFileSubmissionKey, caseFileSubmissionPartition, stripKeys } from './keys.js';
import { prefixQuery, queryItems } from './query-items.js';
import { idempotentTransaction } from './transact.js';

export function createCaseFileSubmissions(client: DynamoDBDocumentClient, tableName: string): CaseFileSubmissions {
  return {
    async record(submission, audit) {
      const stored = caseFileSubmissionSchema.parse(submission);
      const key = caseFileSubmissionKey(stored.districtId, stored.year, stored.childId);
      try {
        await client.send(
          idempotentTransaction([
            { Put: { TableName: tableName, Item: { ...key, entity: 'caseFileSubmission', ...stored }, ConditionExpression: 'attribute_not_exists(pk)' } },
            { Put: { TableName: tableName, Item: auditItem(audit), ConditionExpression: INSERT_ONLY } },
          ]),
        );
      } catch (error) {
        if (failedConditionIndexes(error).includes(0)) throw new AlreadyExistsError('该儿童本年度档案已报送', 'childId');
        throw error;
      }
    },

    async listOfYear(districtId, year) {
      const items = await queryItems(client, tableName, prefixQuery(caseFileSubmissionPartition(districtId, year), 'CHILD#', { consistentRead: true }));
      return items.map((item) => caseFileSubmissionSchema.parse(stripKeys(item)));
    },
  };
}
