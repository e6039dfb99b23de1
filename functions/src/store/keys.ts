/**
 * The one key builder (STYLE.md habit 4): every key value of every entity in the single table is made here, prefixed
 * by its entity (ElectroDB style) so entities never collide. Ids match `idSchema` ([A-Za-z0-9_-]), so `#` is a safe
 * separator and a trailing `#` makes a begins_with prefix exact (`t1#` never matches `t10#`).
 *
 * | entity            | pk                          | sk                            | gsi1pk / gsi1sk                                      | gsi2pk / gsi2sk                 |
 * |-------------------|-----------------------------|-------------------------------|------------------------------------------------------|---------------------------------|
 * | child             | CHILD#<id>                  | CHILD                         | DISTRICT#<districtId> / CHILD#<town>#<village>#<id>   |                                 |
 * | membership        | USER#<userId>               | CHILD#<relation>#<childId>    |                                                      |                                 |
 * | user              | USER#<id>                   | USER                          |                                                      |                                 |
 * | openid uniqueness | WECHAT#<openId>             | WECHAT                        |                                                      |                                 |
 * | region            | REGION#<id>                 | REGION                        | REGION_PARENT#<parentId> / REGION#<id> (none at root) |                                 |
 * | organization      | ORG#<id>                    | ORG                           |                                                      |                                 |
 * | audit entry       | AUDIT#CHILD#<childId>       | <at>#<id>                     |                                                      | AUDIT#ACTOR#<actorId> / <at>#<id> |
 * |  (no child)       | AUDIT#NO_CHILD#<id>         | <at>#<id>                     |                                                      | AUDIT#ACTOR#<actorId> / <at>#<id> |
 * | rate-limit window | RATE#<key>                  | WINDOW#<window start, epoch s> |                                                     |                                 |
 */
import type { AuditEntry } from '../domain/audit.js';
import type { RegionPath } from '../domain/region.js';

export interface PrimaryKey {
  pk: string;
  sk: string;
}

export const GSI1 = 'gsi1';
export const GSI2 = 'gsi2';

/** Attributes that belong to the table, not to the domain object; removed when an item is read. */
export const KEY_ATTRIBUTES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi2pk', 'gsi2sk', 'entity', 'expiresAt'] as const;

/** How a user is related to a child: what lets a guardian or a team member list "my children" without a scan. */
export type MembershipRelation = 'guardian' | 'socialWorker' | 'supervisor' | 'director';

export function childKey(childId: string): PrimaryKey {
  return { pk: `CHILD#${childId}`, sk: 'CHILD' };
}

/** Children of a district in one partition, sorted by town then village, so each level is one query. */
export function childRegionIndexKey(region: RegionPath, childId: string) {
  return {
    gsi1pk: childRegionPartition(region.districtId),
    gsi1sk: `${childRegionPrefix(region.townId, region.villageId)}${childId}`,
  };
}

export function childRegionPartition(districtId: string): string {
  return `DISTRICT#${districtId}`;
}

/** `CHILD#` for a whole district, `CHILD#<town>#` for a town, `CHILD#<town>#<village>#` for a village. */
export function childRegionPrefix(townId?: string, villageId?: string): string {
  if (townId === undefined) return 'CHILD#';
  if (villageId === undefined) return `CHILD#${townId}#`;
  return `CHILD#${townId}#${villageId}#`;
}

export function membershipKey(userId: string, relation: MembershipRelation, childId: string): PrimaryKey {
  return { pk: userKey(userId).pk, sk: `${membershipPrefix(relation)}${childId}` };
}

export function membershipPrefix(relation: MembershipRelation): string {
  return `CHILD#${relation}#`;
}

export function userKey(userId: string): PrimaryKey {
  return { pk: `USER#${userId}`, sk: 'USER' };
}

export function wechatOpenIdKey(openId: string): PrimaryKey {
  return { pk: `WECHAT#${openId}`, sk: 'WECHAT' };
}

export function regionKey(regionId: string): PrimaryKey {
  return { pk: `REGION#${regionId}`, sk: 'REGION' };
}

export function regionParentPartition(parentId: string): string {
  return `REGION_PARENT#${parentId}`;
}

/** A root region (a city) has no parent and so no index entry: the index stays sparse. */
export function regionParentIndexKey(parentId: string | null, regionId: string) {
  return parentId === null ? {} : { gsi1pk: regionParentPartition(parentId), gsi1sk: `REGION#${regionId}` };
}

export function organizationKey(organizationId: string): PrimaryKey {
  return { pk: `ORG#${organizationId}`, sk: 'ORG' };
}

export function auditChildPartition(childId: string): string {
  return `AUDIT#CHILD#${childId}`;
}

export function auditActorPartition(actorId: string): string {
  return `AUDIT#ACTOR#${actorId}`;
}

/**
 * Sorted by time: `at` is normalised to UTC ISO (which sorts as text) and the id breaks ties. An entry about no
 * child (a refused list) gets a partition of its own, so no single "no child" partition grows hot.
 */
export function auditKeys(entry: Pick<AuditEntry, 'id' | 'at' | 'childId' | 'actorId'>) {
  const sortKey = `${new Date(entry.at).toISOString()}#${entry.id}`;
  return {
    pk: entry.childId === null ? `AUDIT#NO_CHILD#${entry.id}` : auditChildPartition(entry.childId),
    sk: sortKey,
    gsi2pk: auditActorPartition(entry.actorId),
    gsi2sk: sortKey,
  };
}

export function rateLimitWindowKey(key: string, windowStartSeconds: number): PrimaryKey {
  return { pk: `RATE#${key}`, sk: `WINDOW#${windowStartSeconds}` };
}

/** The domain object inside a stored item. */
export function stripKeys(item: Record<string, unknown>): Record<string, unknown> {
  const domain = { ...item };
  for (const attribute of KEY_ATTRIBUTES) delete domain[attribute];
  return domain;
}
