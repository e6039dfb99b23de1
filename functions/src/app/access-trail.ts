import { decideAccessTrail } from '../domain/access-policy.js';
import { accessTrailEntryOf, type AccessTrailEntry } from '../domain/access-trail.js';
import { ForbiddenError } from '../domain/errors.js';
import type { Principal } from '../domain/user.js';
import { actorFrom } from './actor.js';
import { auditEntryOf } from './audit-entry.js';
import type { CaseFilePorts } from './case-file-ports.js';
import { readableChild } from './child-guards.js';

export interface AccessTrailPage {
  entries: AccessTrailEntry[];
  nextCursor: string | null;
}

/**
 * Issue 12 part 5: who has seen this child (read, exported, changed), newest first, a page at a time, from the
 * audit entries kept in the child's partition; for supervisors and officers only. Reading it is itself an entry,
 * recorded before the page is read, so the reader finds their own look at the top.
 */
export async function readAccessTrail(ports: CaseFilePorts, principal: Principal, childId: string, page: { limit: number; cursor: string | null }): Promise<AccessTrailPage> {
  const found = await ports.records.read({ users: [principal.userId], child: childId });
  const actor = actorFrom(principal, found.users.get(principal.userId));
  const child = readableChild(actor, found.child, 'caseFile.trail');
  const decision = decideAccessTrail(actor, child);
  if (!decision.allowed) throw new ForbiddenError('当前角色不查看访问记录').refusing({ action: 'caseFile.trail', childId: child.id, reason: decision.denial });
  await ports.audit.record([auditEntryOf(ports, actor, 'caseFile.trail', child.id, 'allowed')]);
  const entries = await ports.audit.pageByChild(child.id, page);
  const actorIds = [...new Set(entries.items.filter((e) => e.actorRole !== 'system').map((e) => e.actorId))];
  const { users } = await ports.records.read({ users: actorIds });
  const names = new Map([...users.values()].map((user) => [user.id, user.name]));
  return { entries: entries.items.map((entry) => accessTrailEntryOf(entry, names)), nextCursor: entries.nextCursor };
}
