import { GetCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { assessmentSchema, newestFirst, type Assessment } from '../domain/guardianship-assessment.js';
import type { Assessments } from './assessment-ports.js';
import { ASSESSMENT_PREFIX, assessmentKey, stripKeys } from './keys.js';

/** The stored item of an assessment; written by the child repository in the change's transaction. */
export function assessmentItem(assessment: Assessment): Record<string, unknown> {
  const stored = assessmentSchema.parse(assessment);
  return { ...assessmentKey(stored.childId, stored.id), entity: 'assessment', ...stored };
}

function fromItem(item: Record<string, unknown>): Assessment {
  const { entity: _entity, ...rest } = stripKeys(item);
  return assessmentSchema.parse(rest);
}

export function createAssessments(client: DynamoDBDocumentClient, tableName: string): Assessments {
  return {
    async get(childId, assessmentId) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: assessmentKey(childId, assessmentId), ConsistentRead: true }));
      return Item ? fromItem(Item) : null;
    },

    async listOfChild(childId) {
      const items: Assessment[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await client.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            ExpressionAttributeValues: { ':pk': assessmentKey(childId, '').pk, ':prefix': ASSESSMENT_PREFIX },
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        items.push(...(page.Items ?? []).map(fromItem));
        start = page.LastEvaluatedKey;
      } while (start);
      return items.sort(newestFirst);
    },
  };
}
