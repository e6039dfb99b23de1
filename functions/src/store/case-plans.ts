import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { caseClosingSchema, casePlanSchema, handbookRecordSchema, planReviewSchema, stateGuardianshipSchema } from '../domain/case-plan.js';
import { childSchema } from '../domain/child.js';
import { AlreadyExistsError, StaleStateError, VersionConflictError } from '../domain/errors.js';
import { auditItem, INSERT_ONLY } from './audit-items.js';
import type { CasePlans, CaseRecords } from './case-plan-ports.js';
import { childItem } from './child-items.js';
import { casePartition, caseSortKeys, stripKeys } from './keys.js';
import { planObligationWrites } from './obligation-plan.js';
import { outboxPuts } from './outbox-items.js';
import { prefixQuery, queryItems } from './query-items.js';
import { putIfVersion, sendTransaction, taggedTransaction, type TransactItems } from './transact.js';

type Part = 'plan' | 'history' | 'review' | 'closing' | 'handbook' | 'stateGuardianship' | 'child' | 'obligations' | 'audit' | 'events';

/** Issue 12: a child's case in its own partition (keys.ts), read with one query, each step written in one transaction. */
export function createCasePlans(client: DynamoDBDocumentClient, tableName: string): CasePlans {
  const item = (childId: string, sk: string, entity: string, value: object) => ({ pk: casePartition(childId), sk, entity, ...value });
  const insert = (value: Record<string, unknown>): TransactItems => [{ Put: { TableName: tableName, Item: value, ConditionExpression: INSERT_ONLY } }];
  const versioned = (value: Record<string, unknown>, version: number): TransactItems =>
    version === 1 ? insert(value) : [putIfVersion(tableName, value, version - 1)];

  return {
    async read(childId) {
      const items = await queryItems(client, tableName, { ...prefixQuery(casePartition(childId), ''), consistentRead: true });
      const records: CaseRecords = { plan: null, planHistory: [], reviews: [], closing: null, handbook: null, stateGuardianship: null };
      for (const raw of items) {
        const sk = String(raw.sk);
        const value = stripKeys(raw);
        if (sk === caseSortKeys.plan) records.plan = casePlanSchema.parse(value);
        else if (sk.startsWith('PLAN#V#')) records.planHistory.push(casePlanSchema.parse(value));
        else if (sk.startsWith('REVIEW#')) records.reviews.push(planReviewSchema.parse(value));
        else if (sk === caseSortKeys.closing) records.closing = caseClosingSchema.parse(value);
        else if (sk === caseSortKeys.handbook) records.handbook = handbookRecordSchema.parse(value);
        else if (sk === caseSortKeys.stateGuardianship) records.stateGuardianship = stateGuardianshipSchema.parse(value);
      }
      return records;
    },

    async write(change) {
      const { childId } = change;
      const parts: [Part, TransactItems][] = [];
      if (change.plan) {
        const plan = casePlanSchema.parse(change.plan.next);
        parts.push(['plan', versioned(item(childId, caseSortKeys.plan, 'casePlan', plan), plan.version)]);
        if (change.plan.keepHistory) parts.push(['history', insert(item(childId, caseSortKeys.planVersion(plan.version), 'casePlanVersion', plan))]);
      }
      if (change.review) {
        const review = planReviewSchema.parse(change.review);
        parts.push(['review', insert(item(childId, caseSortKeys.review(review.reviewedOn, review.id), 'planReview', review))]);
      }
      if (change.closing) parts.push(['closing', [{ Put: { TableName: tableName, Item: item(childId, caseSortKeys.closing, 'caseClosing', caseClosingSchema.parse(change.closing)) } }]]);
      if (change.handbook) parts.push(['handbook', insert(item(childId, caseSortKeys.handbook, 'handbook', handbookRecordSchema.parse(change.handbook)))]);
      if (change.stateGuardianship) {
        const record = stateGuardianshipSchema.parse(change.stateGuardianship);
        parts.push(['stateGuardianship', versioned(item(childId, caseSortKeys.stateGuardianship, 'stateGuardianship', record), record.version)]);
      }
      if (change.child) {
        const { previous, next, obligations } = change.child;
        if (next.version !== previous.version + 1) throw new Error('a case change must raise the child version by one');
        parts.push(['child', [putIfVersion(tableName, childItem(childSchema.parse(next)), previous.version)]]);
        parts.push(['obligations', planObligationWrites(tableName, obligations).writes]);
      }
      parts.push(['audit', [{ Put: { TableName: tableName, Item: auditItem(change.audit), ConditionExpression: INSERT_ONLY } }]]);
      parts.push(['events', outboxPuts(tableName, change.events)]);
      const transaction = taggedTransaction<Part>(parts);
      try {
        await sendTransaction(client, transaction.items);
      } catch (error) {
        const failed = transaction.failedParts(error);
        if (failed.has('plan') || failed.has('history')) throw new VersionConflictError('服务计划已被他人修改，请刷新后重试', 'version');
        if (failed.has('stateGuardianship')) throw new VersionConflictError('临时监护记录已被他人修改，请刷新后重试', 'step');
        if (failed.has('review')) throw new AlreadyExistsError('该评估已登记', 'Idempotency-Key');
        if (failed.has('handbook')) throw new AlreadyExistsError('关爱手册发放已登记', 'handedOverOn');
        if (failed.has('child') || failed.has('obligations')) throw new StaleStateError('该儿童的记录已变化', 'version');
        throw error;
      }
    },
  };
}
