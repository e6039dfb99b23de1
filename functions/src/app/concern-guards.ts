import { decideConcernAccess, type ConcernAction } from '../domain/access-policy.js';
import type { AuditAction } from '../domain/audit.js';
import type { Concern } from '../domain/concern.js';
import { ForbiddenError, NotFoundError } from '../domain/errors.js';
import type { Actor } from '../domain/user.js';

export const concernNotFound = () => new NotFoundError('未找到该报告，或您无权查看', 'id');

/** The concern if the actor handles it; one 404 for "none" and "not in your area" (API1), 403 for a step beyond the role. */
export function handledConcern(actor: Actor, concern: Concern | null, action: ConcernAction, attempted: AuditAction): Concern {
  if (concern === null) throw concernNotFound();
  const childId = concern.child.kind === 'known' ? concern.child.childId : null;
  const read = decideConcernAccess(actor, 'read', concern);
  if (!read.allowed) throw concernNotFound().refusing({ action: attempted, childId, reason: read.denial });
  const decision = decideConcernAccess(actor, action, concern);
  if (!decision.allowed) {
    throw new ForbiddenError('这一步须由乡镇儿童督导员或区民政局办理').refusing({ action: attempted, childId, reason: decision.denial });
  }
  return concern;
}
