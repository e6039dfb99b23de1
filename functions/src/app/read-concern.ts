import type { Child } from '../domain/child.js';
import type { Concern } from '../domain/concern.js';
import type { Actor, Principal } from '../domain/user.js';
import { actorFrom } from './actor.js';
import { auditEntryOf } from './audit-entry.js';
import { handledConcern } from './concern-guards.js';
import type { ReadConcernPorts } from './concern-ports.js';
import { namesOf } from './participant-names.js';

export interface ConcernRead {
  actor: Actor;
  concern: Concern;
  /** Who took each step, by account. */
  names: Map<string, string>;
  /** The child it is about when known (the handlers of its area may read the child). */
  child: Child | null;
}

/** A concern with its trail, for a handler of its area; audited like a read of the child's record. */
export async function readConcern(ports: ReadConcernPorts, principal: Principal, concernId: string): Promise<ConcernRead> {
  const [found, stored] = await Promise.all([ports.records.read({ users: [principal.userId] }), ports.concerns.get(concernId)]);
  const actor = actorFrom(principal, found.users.get(principal.userId));
  const concern = handledConcern(actor, stored, 'read', 'concern.read');
  const childId = concern.child.kind === 'known' ? concern.child.childId : null;
  const people = [...new Set(concern.trail.flatMap((step) => (step.byUserId ? [step.byUserId] : [])))];
  const [{ users, child }] = await Promise.all([
    ports.records.read({ users: people, ...(childId ? { child: childId } : {}) }),
    ports.audit.record([auditEntryOf(ports, actor, 'concern.read', childId, 'allowed')]),
  ]);
  return { actor, concern, names: namesOf(users), child };
}
