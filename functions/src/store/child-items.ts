import { childSchema, guardianUserIdsOf, type Child } from '../domain/child.js';
import { childKey, childRegionIndexKey, childrenWithoutTeamPartition, membershipKey, stripKeys, type MembershipRelation } from './keys.js';

/** How a child is stored, and the membership items that let its guardians and team find it. */
export function childItem(child: Child): Record<string, unknown> {
  const withoutTeam = child.team === null ? { gsi2pk: childrenWithoutTeamPartition(child.region.townId), gsi2sk: child.id } : {};
  return { ...childKey(child.id), ...childRegionIndexKey(child.region, child.id), ...withoutTeam, entity: 'child', ...child };
}

export function childFromItem(item: Record<string, unknown>): Child {
  return childSchema.parse(stripKeys(item));
}

export interface Membership {
  userId: string;
  relation: MembershipRelation;
}

/** Everyone related to the child by account, once per relation (the same person may hold two roles in a team). */
export function membershipsOf(child: Pick<Child, 'guardians' | 'team'>): Membership[] {
  const memberships: Membership[] = guardianUserIdsOf(child).map((userId) => ({ userId, relation: 'guardian' }));
  if (child.team) {
    memberships.push(
      { userId: child.team.socialWorkerId, relation: 'socialWorker' },
      { userId: child.team.supervisorId, relation: 'supervisor' },
      { userId: child.team.directorId, relation: 'director' },
    );
  }
  const seen = new Set<string>();
  return memberships.filter((m) => {
    const id = membershipId(m);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

export function membershipItem(childId: string, membership: Membership): Record<string, unknown> {
  return { ...membershipKey(membership.userId, membership.relation, childId), entity: 'membership', childId, ...membership };
}

/** The links to delete and to add when a child's guardians or team change; unchanged links are not rewritten. */
export function diffMemberships(previous: Child, next: Child) {
  const before = new Map(membershipsOf(previous).map((m) => [membershipId(m), m]));
  const after = new Map(membershipsOf(next).map((m) => [membershipId(m), m]));
  return {
    removed: [...before].filter(([id]) => !after.has(id)).map(([, m]) => m),
    added: [...after].filter(([id]) => !before.has(id)).map(([, m]) => m),
  };
}

function membershipId(membership: Membership): string {
  return `${membership.relation}#${membership.userId}`;
}

/** A transaction part that holds only while the child is still at the version the writer read. */
export function childVersionCheck(tableName: string, childId: string, version: number) {
  return {
    ConditionCheck: {
      TableName: tableName,
      Key: childKey(childId),
      ConditionExpression: '#version = :childVersion',
      ExpressionAttributeNames: { '#version': 'version' },
      ExpressionAttributeValues: { ':childVersion': version },
    },
  };
}
