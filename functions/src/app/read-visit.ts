import type { Principal } from '../domain/user.js';
import { actorFrom } from './actor.js';
import { auditEntryOf } from './audit-entry.js';
import { readableChild } from './child-guards.js';
import type { ReadVisitPorts } from './ports.js';
import { namesOnPageOf, visitNotFound, type VisitDetail } from './visit-detail.js';
import { visitActionsFor } from '../domain/visit-actions.js';

export interface VisitAddress {
  childId: string;
  visitId: string;
}

/**
 * One visit's page (issue 7, B1), for whoever may read the child (the access policy's `read` of a visit is that), audited like every read of a child's data. One
 * batch reads the user, the child and the visit; then the audit entry and the names of the people the visit
 * mentions and of its village go together. Two round trips.
 */
export async function readVisit(ports: ReadVisitPorts, principal: Principal, { childId, visitId }: VisitAddress): Promise<VisitDetail> {
  const found = await ports.records.read({ users: [principal.userId], child: childId, visit: { childId, visitId } });
  const actor = actorFrom(principal, found.users.get(principal.userId));
  const child = readableChild(actor, found.child, 'visit.read');
  const visit = found.visit;
  if (visit === null) throw visitNotFound();
  const [, onPage] = await Promise.all([
    ports.audit.record([auditEntryOf(ports, actor, 'visit.read', child.id, 'allowed')]),
    namesOnPageOf(ports.records, visit),
  ]);
  return { actor, child, visit, ...onPage, actions: visitActionsFor(actor, child, visit, ports.clock()) };
}
