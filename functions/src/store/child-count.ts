import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ChildListScope } from '../domain/access-policy.js';
import { isFiltered, type ChildListFilter } from '../domain/child-list-filter.js';
import { childRegionPrefix, membershipPrefix, userKey } from './keys.js';
import { childRegionQuery, districtSliceOf, listByMembership, type ChildListContext } from './child-list.js';
import { decodeCursor } from './cursor.js';
import type { PartitionQuery } from './query-page.js';

/**
 * The size of a child list without reading the children: the same query as the list, with `Select: COUNT`, so the
 * home page can show "N children" without walking the roster (and without an audit entry per child, since no
 * child's record is read). A filter is counted by DynamoDB after the key condition, over the whole slice; a
 * guardian's or a worker's filtered children are counted by reading them, as their list does.
 */
export async function countChildren(ctx: ChildListContext, scope: ChildListScope, filter: ChildListFilter = {}): Promise<number> {
  switch (scope.kind) {
    case 'none':
      return 0;
    case 'guardian':
    case 'socialWorker':
      if (isFiltered(filter)) return countMembershipMatches(ctx, scope.userId, scope.kind, filter);
      return countQuery(ctx, {
        partitionAttribute: 'pk',
        partitionValue: userKey(scope.userId).pk,
        sortAttribute: 'sk',
        sortPrefix: membershipPrefix(scope.kind),
        consistentRead: true,
      });
    case 'region': {
      if (scope.level === 'city') {
        const city = await ctx.regions.getAtLevel(scope.regionId, 'city');
        if (!city) return 0;
        let total = 0;
        for (const districtId of await ctx.regions.districtIdsOf(city.id)) {
          total += await countQuery(ctx, childRegionQuery(districtId, childRegionPrefix(), scope.organizationId, filter));
        }
        return total;
      }
      const slice = await districtSliceOf(ctx.regions, scope);
      return slice ? countQuery(ctx, childRegionQuery(slice.districtId, slice.prefix, scope.organizationId, filter)) : 0;
    }
  }
}

const MEMBERSHIP_COUNT_PAGE = 100;

async function countMembershipMatches(ctx: ChildListContext, userId: string, relation: 'guardian' | 'socialWorker', filter: ChildListFilter) {
  let total = 0;
  let cursor: string | null = null;
  do {
    const page = await listByMembership(ctx, { userId, relation, filter }, MEMBERSHIP_COUNT_PAGE, decodeCursor(cursor));
    total += page.items.length;
    cursor = page.nextCursor;
  } while (cursor !== null);
  return total;
}

async function countQuery(ctx: ChildListContext, query: PartitionQuery): Promise<number> {
  let total = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const result = await ctx.client.send(
      new QueryCommand({
        TableName: ctx.tableName,
        IndexName: query.indexName,
        Select: 'COUNT',
        KeyConditionExpression: '#p = :p AND begins_with(#s, :s)',
        FilterExpression: query.filter?.expression,
        ExpressionAttributeNames: { '#p': query.partitionAttribute, '#s': query.sortAttribute, ...query.filter?.names },
        ExpressionAttributeValues: { ':p': query.partitionValue, ':s': query.sortPrefix ?? '', ...query.filter?.values },
        ConsistentRead: query.consistentRead,
        ExclusiveStartKey: start,
      }),
    );
    total += result.Count ?? 0;
    start = result.LastEvaluatedKey;
  } while (start);
  return total;
}
