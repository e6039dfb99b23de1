import type { Child } from '../domain/child.js';
import { teamMemberIdsOf } from '../domain/child.js';
import { teamMembersOf, type TeamMember } from '../domain/child-team.js';
import type { Actor, Principal } from '../domain/user.js';
import { actorFrom } from './actor.js';
import { auditEntryOf } from './audit-entry.js';
import { readableChild } from './child-guards.js';
import type { ReadChildPorts } from './ports.js';

export interface ChildRead {
  actor: Actor;
  child: Child;
  /** The child's team by name, role and work phone (issue 7, B7); empty while it has none. */
  team: TeamMember[];
}

/**
 * One child's record, read by someone the access policy lets read it, and audited (RELIABILITY.md: each access
 * recorded): the user and the child in one batch, then the audit entry and the team's names together. Two round
 * trips.
 */
export async function readChild(ports: ReadChildPorts, principal: Principal, childId: string): Promise<ChildRead> {
  const found = await ports.records.read({ users: [principal.userId], child: childId });
  const actor = actorFrom(principal, found.users.get(principal.userId));
  const child = readableChild(actor, found.child, 'child.read');
  const members = teamMemberIdsOf(child);
  const [, { users }] = await Promise.all([
    ports.audit.record([auditEntryOf(ports, actor, 'child.read', child.id, 'allowed')]),
    ports.records.read({ users: members }),
  ]);
  return { actor, child, team: teamMembersOf(child.team, users) };
}
