import { decideChildAccess, type ChildAction } from '../domain/access-policy.js';
import type { AuditAction } from '../domain/audit.js';
import type { Child } from '../domain/child.js';
import { ForbiddenError, NotFoundError } from '../domain/errors.js';
import type { Actor } from '../domain/user.js';
import { assertPledgeForChildData } from './pledge-gate.js';

/** One answer for "no such child" and "not yours", so an id reveals nothing (API1). */
export function childNotFound(): NotFoundError {
  return new NotFoundError('未找到该儿童，或您无权查看', 'id');
}

/**
 * The child, if the actor may read it; else 404. A refusal of an existing child is audited (at the edge) under the
 * action that was attempted.
 */
export function readableChild(actor: Actor, child: Child | null, attempted: AuditAction): Child {
  // R8: without the current pledge, every id answers pledge-required, existing or not.
  assertPledgeForChildData(actor, attempted, child?.id ?? null);
  if (child === null) throw childNotFound();
  const decision = decideChildAccess(actor, 'read', child);
  if (!decision.allowed) throw childNotFound().refusing({ action: attempted, childId: child.id, reason: decision.denial });
  return child;
}

/** For an action on a child the actor can already see: refusing it with 403 leaks nothing new. */
export function assertMayAct(actor: Actor, action: Exclude<ChildAction, 'read' | 'create'>, child: Child, attempted: AuditAction): void {
  const decision = decideChildAccess(actor, action, child);
  if (decision.allowed) return;
  throw new ForbiddenError(action === 'assignTeam' ? '当前角色无权指定执行团队' : '当前角色无权修改儿童信息').refusing({
    action: attempted,
    childId: child.id,
    reason: decision.denial,
  });
}
