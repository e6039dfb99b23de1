import { decideChildAccess } from '../domain/access-policy.js';
import type { Child } from '../domain/child.js';
import type { ChildListFilter } from '../domain/child-list-filter.js';
import type { Actor, Principal } from '../domain/user.js';
import type { Page, PageRequest } from '../store/ports.js';
import { auditEntryOf } from './audit-entry.js';
import { resolveChildListQuery } from './child-list-query.js';
import type { CountChildrenPorts, ListChildrenPorts } from './ports.js';

export interface ChildListRequest {
  filter: ChildListFilter;
  page: PageRequest;
}

export interface ChildrenListed {
  actor: Actor;
  page: Page<Child>;
  /** Children the store returned that the access policy would not show (a defect; the route logs it). */
  dropped: number;
}

/**
 * A page of the children the actor may see that meet the filter; each child shown is audited (RELIABILITY.md: each
 * access recorded). Defence in depth: whatever the index returned, only children the policy allows are shown.
 */
export async function listChildren(ports: ListChildrenPorts, principal: Principal, request: ChildListRequest): Promise<ChildrenListed> {
  const { actor, query } = await resolveChildListQuery(ports, principal, request.filter, 'child.list');
  const page = await ports.children.list(query.scope, request.page, query.filter);
  const visible = page.items.filter((child) => decideChildAccess(actor, 'read', child).allowed);
  if (visible.length > 0) await ports.audit.record(visible.map((child) => auditEntryOf(ports, actor, 'child.list', child.id, 'allowed')));
  return { actor, page: { items: visible, nextCursor: page.nextCursor }, dropped: page.items.length - visible.length };
}

/** How many children that list would show, counted without reading a record (so nothing is audited). */
export async function countChildren(ports: CountChildrenPorts, principal: Principal, filter: ChildListFilter): Promise<number> {
  const { query } = await resolveChildListQuery(ports, principal, filter, 'child.count');
  return ports.children.count(query.scope, query.filter);
}
