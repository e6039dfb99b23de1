import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ChildListScope } from '../domain/access-policy.js';
import { childRegionPrefix, membershipPrefix, userKey } from './keys.js';
import { childRegionQuery, districtSliceOf, type ChildListContext } from './child-list.js';
import type { PartitionQuery } from './query-page.js';

/**
 * The size of a child list without reading the children: the same query as the list, with `Select: COUNT`, so the
 * home page can show "N children" without walking the roster (and without an audit entry per child, since no
 * child's record is read).
 */
export async function countChildren(ctx: ChildListContext, scope: ChildListScope): Promise<number> {
  switch (scope.kind) {
    case 'none':
      return 0;
    case 'guardian':
    case 'socialWorker':
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
          total += await countQuery(ctx, childRegionQuery(districtId, childRegionPrefix(), scope.organizationId));
        }
        return total;
      }
      const slice = await districtSliceOf(ctx.regions, scope);
      return slice ? countQuery(ctx, childRegionQuery(slice.districtId, slice.prefix, scope.organizationId)) : 0;
    }
  }
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
