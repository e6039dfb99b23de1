import type { Child } from '../domain/child.js';
import type { Actor, Principal } from '../domain/user.js';
import { actorFrom } from './actor.js';
import { auditEntryOf } from './audit-entry.js';
import { readableChild } from './child-guards.js';
import type { ReadChildPorts } from './ports.js';

export interface ChildRead {
  actor: Actor;
  child: Child;
}

/**
 * One child's record, read by someone the access policy lets read it, and audited (RELIABILITY.md: each access
 * recorded): the user and the child in one batch, then the audit entry. Two round trips.
 */
export async function readChild(ports: ReadChildPorts, principal: Principal, childId: string): Promise<ChildRead> {
  const found = await ports.records.read({ users: [principal.userId], child: childId });
  const actor = actorFrom(principal, found.users.get(principal.userId));
  const child = readableChild(actor, found.child, 'child.read');
  await ports.audit.record([auditEntryOf(ports, actor, 'child.read', child.id, 'allowed')]);
  return { actor, child };
}
