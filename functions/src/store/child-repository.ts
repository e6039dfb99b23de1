import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { childSchema, type Child } from '../domain/child.js';
import { AlreadyExistsError, VersionConflictError } from '../domain/errors.js';
import { shanghaiDate } from '../domain/time.js';
import { auditItem, INSERT_ONLY } from './audit-items.js';
import { batchGet } from './batch.js';
import { childFromItem, childItem, diffMemberships, membershipItem, membershipsOf } from './child-items.js';
import { countChildren } from './child-count.js';
import { listChildren } from './child-list.js';
import { childKey, membershipKey } from './keys.js';
import { MAX_STATE_ATTEMPTS, readObligationInputs } from './obligation-inputs.js';
import { planObligations, type ObligationPlan } from './obligation-plan.js';
import { createPolicyRepository } from './policy-repository.js';
import type { ChildRepository } from './ports.js';
import type { RegionLookup } from './region-lookup.js';
import { putIfVersion, sendTransaction, taggedTransaction, type TaggedTransaction, type TransactItems } from './transact.js';

type Part = 'child' | 'links' | 'obligations' | 'audit';

export function createChildRepository(
  client: DynamoDBDocumentClient,
  tableName: string,
  regions: RegionLookup,
): ChildRepository {
  /**
   * Writes a changed child with its obligations recomputed under the district's policy as of the day of the change.
   * When the obligation state moved meanwhile (a check-in, a policy recomputation), the inputs are read again and the
   * write retried: that is nobody's conflict. A failed condition on the child itself is the caller's.
   */
  async function writeWithObligations(child: Child, build: (plan: ObligationPlan) => TaggedTransaction<Part>): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      const { state, policy } = await readObligationInputs(client, tableName, child.id, child.region.districtId);
      const transaction = build(planObligations(tableName, { child, previous: state, policy, today: dayOf(child) }));
      try {
        await sendTransaction(client, transaction.items);
        return;
      } catch (error) {
        const failed = transaction.failedParts(error);
        if (failed.has('child')) throw new VersionConflictError('该儿童档案已被他人修改，请刷新后重试', 'version');
        if (!failed.has('obligations')) throw error;
        if (attempt >= MAX_STATE_ATTEMPTS) throw new VersionConflictError('该儿童的走访安排正在被同时更新，请稍后重试', 'version');
      }
    }
  }

  const policies = createPolicyRepository(client, tableName);
  /** Obligations are computed as of the day of the change (the registration day for a new child). */
  const dayOf = (child: Child) => shanghaiDate(new Date(child.updatedAt));

  const auditPart = (audit: Parameters<ChildRepository['create']>[1]): TransactItems => [
    { Put: { TableName: tableName, Item: auditItem(audit), ConditionExpression: INSERT_ONLY } },
  ];

  return {
    async get(id) {
      const { Item } = await client.send(new GetCommand({ TableName: tableName, Key: childKey(id), ConsistentRead: true }));
      return Item ? childFromItem(Item) : null;
    },

    async getMany(ids) {
      const found = await batchGet(client, tableName, [...new Set(ids)].map(childKey));
      return [...found.values()].map(childFromItem);
    },

    async create(child, audit) {
      const stored = childSchema.parse(child);
      // A new child has no obligations yet, so only the policy is read and the plan is the same on every call:
      // a create sent twice is then the same transaction, which its ClientRequestToken makes idempotent.
      const policy = await policies.get(stored.region.districtId);
      const plan = planObligations(tableName, { child: stored, previous: null, policy, today: dayOf(stored) });
      const transaction = taggedTransaction<Part>([
        ['child', [{ Put: { TableName: tableName, Item: childItem(stored), ConditionExpression: 'attribute_not_exists(pk)' } }]],
        ['links', membershipsOf(stored).map((m) => ({ Put: { TableName: tableName, Item: membershipItem(stored.id, m) } }))],
        ['obligations', plan.writes],
        ['audit', auditPart(audit)],
      ]);
      try {
        await sendTransaction(client, transaction.items);
      } catch (error) {
        if (transaction.failedParts(error).has('child')) throw new AlreadyExistsError('该儿童档案已存在', 'id');
        throw error;
      }
    },

    async update(previous, next, audit) {
      // Programming errors, not user errors: the lock only works if every change moves the version on by one.
      if (next.id !== previous.id) throw new Error('update() must keep the child id');
      if (next.version !== previous.version + 1) throw new Error('update() must raise the version by one');
      const stored = childSchema.parse(next);
      const { removed, added } = diffMemberships(previous, stored);
      await writeWithObligations(
        stored,
        (plan) =>
          taggedTransaction<Part>([
            [
              'child',
              [
                putIfVersion(tableName, childItem(stored), previous.version),
              ],
            ],
            [
              'links',
              [
                ...removed.map((m) => ({ Delete: { TableName: tableName, Key: membershipKey(m.userId, m.relation, stored.id) } })),
                ...added.map((m) => ({ Put: { TableName: tableName, Item: membershipItem(stored.id, m) } })),
              ],
            ],
            ['obligations', plan.writes],
            ['audit', auditPart(audit)],
          ]),
      );
    },

    list(scope, page) {
      return listChildren({ client, tableName, regions }, scope, page);
    },

    count(scope) {
      return countChildren({ client, tableName, regions }, scope);
    },
  };
}
