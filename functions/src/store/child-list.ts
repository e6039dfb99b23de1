import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ChildListScope } from '../domain/access-policy.js';
import type { Child } from '../domain/child.js';
import { childMatchesFilter, isFiltered, type ChildListFilter } from '../domain/child-list-filter.js';
import { RuleViolationError } from '../domain/errors.js';
import { BATCH_GET_LIMIT, batchGet } from './batch.js';
import { childFilterExpression } from './child-filter-expression.js';
import { childFromItem } from './child-items.js';
import { decodeCursor, encodeCursor, invalidCursor, type Cursor, type StoredKey } from './cursor.js';
import {
  childKey,
  childRegionPartition,
  childRegionPrefix,
  GSI1,
  membershipPrefix,
  userKey,
  type MembershipRelation,
} from './keys.js';
import type { Page, PageRequest } from './ports.js';
import { FILTERED_PAGE_BUDGET, queryPartitionPage, type PartitionQuery } from './query-page.js';
import type { RegionLookup } from './region-lookup.js';

export interface ChildListContext {
  client: DynamoDBDocumentClient;
  tableName: string;
  regions: RegionLookup;
}

export type RegionScope = Extract<ChildListScope, { kind: 'region' }>;

const EMPTY: Page<Child> = { items: [], nextCursor: null };

/**
 * One query shape per kind of scope (access-policy.ts), never a scan; the filter narrows what the scope covers
 * (a filter expression on the index, or the same test on a worker's or a guardian's children once read). A filtered
 * page may come back short with a next cursor: the reading stopped at its budget, not at the end.
 */
export async function listChildren(
  ctx: ChildListContext,
  scope: ChildListScope,
  page: PageRequest,
  filter: ChildListFilter = {},
): Promise<Page<Child>> {
  if (!Number.isInteger(page.limit) || page.limit < 1) throw new RuleViolationError('每页条数须为正整数', 'limit');
  const cursor = decodeCursor(page.cursor);
  switch (scope.kind) {
    case 'none':
      return EMPTY;
    case 'guardian':
    case 'socialWorker':
      return listByMembership(ctx, { userId: scope.userId, relation: scope.kind, filter }, page.limit, cursor);
    case 'region':
      return scope.level === 'city'
        ? listCity(ctx, scope, filter, page.limit, cursor)
        : listWithinDistrict(ctx, scope, filter, page.limit, cursor);
  }
}

/** Village, town or district: one partition of gsi1, narrowed by a sort-key prefix. */
async function listWithinDistrict(ctx: ChildListContext, scope: RegionScope, filter: ChildListFilter, limit: number, cursor: Cursor | null) {
  if (cursor?.d !== undefined) throw invalidCursor();
  const slice = await districtSliceOf(ctx.regions, scope);
  if (!slice) return EMPTY;
  const query = childRegionQuery(slice.districtId, slice.prefix, scope.organizationId, filter);
  const part = await queryPartitionPage(ctx.client, ctx.tableName, query, limit, cursor?.k ?? null);
  return {
    items: part.items.map(childFromItem),
    nextCursor: part.nextKey ? encodeCursor({ k: part.nextKey }) : null,
  };
}

/** A city: its districts one after another, in id order; the cursor says which district a page stopped in. */
async function listCity(ctx: ChildListContext, scope: RegionScope, filter: ChildListFilter, limit: number, cursor: Cursor | null) {
  const city = await ctx.regions.getAtLevel(scope.regionId, 'city');
  if (!city) return EMPTY;
  const districtIds = await ctx.regions.districtIdsOf(city.id);
  let district = cursor?.d ?? 0;
  let startKey: StoredKey | null = cursor?.k ?? null;
  if (cursor && (cursor.d === undefined || district >= districtIds.length)) throw invalidCursor();

  const items: Child[] = [];
  while (district < districtIds.length) {
    const query = childRegionQuery(districtIds[district], childRegionPrefix(), scope.organizationId, filter);
    const part = await queryPartitionPage(ctx.client, ctx.tableName, query, limit - items.length, startKey);
    items.push(...part.items.map(childFromItem));
    if (part.nextKey) return { items, nextCursor: encodeCursor({ d: district, k: part.nextKey }) };
    district += 1;
    startKey = null;
    if (items.length === limit) {
      return { items, nextCursor: district < districtIds.length ? encodeCursor({ d: district, k: null }) : null };
    }
  }
  return { items, nextCursor: null };
}

/** The gsi1 partition and sort-key prefix that hold a village's, a town's or a district's children. */
export async function districtSliceOf(regions: RegionLookup, scope: RegionScope) {
  switch (scope.level) {
    case 'district': {
      const district = await regions.getAtLevel(scope.regionId, 'district');
      return district ? { districtId: district.id, prefix: childRegionPrefix() } : null;
    }
    case 'town': {
      const town = await regions.getAtLevel(scope.regionId, 'town');
      return town?.parentId ? { districtId: town.parentId, prefix: childRegionPrefix(town.id) } : null;
    }
    case 'village': {
      const village = await regions.getAtLevel(scope.regionId, 'village');
      const town = village?.parentId ? await regions.getAtLevel(village.parentId, 'town') : null;
      return village && town?.parentId
        ? { districtId: town.parentId, prefix: childRegionPrefix(town.id, village.id) }
        : null;
    }
    case 'city':
      return null;
  }
}

export function childRegionQuery(districtId: string, prefix: string, organizationId?: string, filter: ChildListFilter = {}): PartitionQuery {
  return {
    indexName: GSI1,
    partitionAttribute: 'gsi1pk',
    partitionValue: childRegionPartition(districtId),
    sortAttribute: 'gsi1sk',
    sortPrefix: prefix,
    filter: childFilterExpression(filter, organizationId),
  };
}

export interface MembershipList {
  userId: string;
  relation: MembershipRelation;
  filter: ChildListFilter;
}

/**
 * A guardian's or a social worker's children: their membership items, then the children in one batch read a step,
 * kept when they meet the filter. Unfiltered, a step reads exactly the page; filtered, steps go on until the page is
 * full, the memberships end, or FILTERED_PAGE_BUDGET children were looked at (a short page with a cursor).
 */
export async function listByMembership(ctx: ChildListContext, list: MembershipList, limit: number, cursor: Cursor | null): Promise<Page<Child>> {
  if (cursor?.d !== undefined) throw invalidCursor();
  const query: PartitionQuery = {
    partitionAttribute: 'pk',
    partitionValue: userKey(list.userId).pk,
    sortAttribute: 'sk',
    sortPrefix: membershipPrefix(list.relation),
    consistentRead: true,
  };
  const filtered = isFiltered(list.filter);
  const items: Child[] = [];
  let start: StoredKey | null = cursor?.k ?? null;
  let lookedAt = 0;
  do {
    const part = await queryPartitionPage(ctx.client, ctx.tableName, query, filtered ? Math.max(limit, BATCH_GET_LIMIT) : limit, start);
    const children = await childrenInOrder(ctx, part.items.map((item) => item.childId as string));
    for (const [index, membership] of part.items.entries()) {
      const child = children.get(membership.childId as string);
      if (child && childMatchesFilter(child, list.filter)) items.push(child);
      if (items.length < limit) continue;
      const lastOfPart = index === part.items.length - 1;
      const nextKey = lastOfPart ? part.nextKey : { pk: String(membership.pk), sk: String(membership.sk) };
      return { items, nextCursor: nextKey ? encodeCursor({ k: nextKey }) : null };
    }
    lookedAt += part.items.length;
    start = part.nextKey;
  } while (start !== null && lookedAt < FILTERED_PAGE_BUDGET);
  return { items, nextCursor: start ? encodeCursor({ k: start }) : null };
}

/** BatchGetItem answers in no particular order; a page keeps the membership order so pages stay stable. */
async function childrenInOrder(ctx: ChildListContext, childIds: string[]): Promise<Map<string, Child>> {
  const found = await batchGet(ctx.client, ctx.tableName, childIds.map(childKey));
  return new Map(childIds.flatMap((id) => {
    const item = found.get(childKey(id).pk);
    return item ? [[id, childFromItem(item)] as const] : [];
  }));
}
