import { decidePendingConfirmationList } from '../domain/access-policy.js';
import { ForbiddenError } from '../domain/errors.js';
import type { Actor } from '../domain/user.js';
import type { Visit } from '../domain/visit.js';
import type { AuditRepository, ChildRepository, RecordReader, VisitRepository } from '../store/ports.js';
import { auditEntryOf } from './audit-entry.js';
import { namesOf } from './participant-names.js';
import type { Basics } from './ports.js';

export type ListPendingConfirmationsPorts = Basics & {
  records: RecordReader;
  children: Pick<ChildRepository, 'list'>;
  visits: Pick<VisitRepository, 'listPendingOfChild'>;
  audit: Pick<AuditRepository, 'record'>;
};

export interface PendingConfirmation {
  visit: Visit;
  childName: string;
}

export interface PendingConfirmations {
  /** Most recently recorded first. */
  items: PendingConfirmation[];
  /** The names of everyone who came, by account id. */
  participantNames: Map<string, string>;
}

/** A guardian has a handful of children at most; each has its own small slice of pending visits. */
const MAX_GUARDIAN_CHILDREN = 20;
const MAX_PENDING_PER_CHILD = 50;

/**
 * The visits of a guardian's own children waiting for their answer (issue 3, part 6), for the mini-program's home
 * page and the chat-bot's 确认 / 没来 (issue 10). Only the guardian's own children are read, so nobody else's visit
 * can be offered; each child listed is an audited access.
 */
export async function listPendingConfirmations(ports: ListPendingConfirmationsPorts, actor: Actor): Promise<PendingConfirmations> {
  const decision = decidePendingConfirmationList(actor);
  if (!decision.allowed) throw new ForbiddenError('只有监护人确认走访').refusing({ action: 'visit.list', reason: decision.denial });
  const own = await ports.children.list({ kind: 'guardian', userId: actor.id }, { limit: MAX_GUARDIAN_CHILDREN });
  const perChild = await Promise.all(own.items.map((child) => ports.visits.listPendingOfChild(child.id, MAX_PENDING_PER_CHILD)));
  const names = new Map(own.items.map((child) => [child.id, child.name]));
  const pending = perChild.flat().sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
  const childIds = [...new Set(pending.map((visit) => visit.childId))];
  if (childIds.length > 0) await ports.audit.record(childIds.map((id) => auditEntryOf(ports, actor, 'visit.list', id, 'allowed')));
  const { users } = await ports.records.read({ users: pending.flatMap((visit) => visit.participantIds) });
  return {
    items: pending.map((visit) => ({ visit, childName: names.get(visit.childId) ?? '' })),
    participantNames: namesOf(users),
  };
}
