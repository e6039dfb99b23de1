import { decideChildAccess, type AccessDenial } from '../domain/access-policy.js';
import type { AuditAction, AuditEntry, AuditOutcome } from '../domain/audit.js';
import type { Actor } from '../domain/user.js';
import type { AppDeps } from './app.js';

/** Builds the audit entry of one access; ids and the policy's reason only, never personal data. */
export function auditEntryOf(
  deps: Pick<AppDeps, 'clock' | 'newId'>,
  actor: Actor,
  action: AuditAction,
  childId: string | null,
  outcome: AuditOutcome,
  reason: string | null = null,
): AuditEntry {
  return {
    id: deps.newId(),
    at: deps.clock().toISOString(),
    actorId: actor.id,
    actorRole: actor.role,
    action,
    childId,
    outcome,
    reason,
  };
}

/** A child related to nobody: asking the policy about it isolates the denials that do not depend on the child. */
const unrelatedChild = {
  region: { cityId: '-', districtId: '-', townId: '-', villageId: '-' },
  team: null,
  guardians: [],
  organizationId: null,
};

/**
 * Why a list was refused, in the policy's words: the role may not read, the pledge is missing (R8), or the
 * account's scope does not fit its role (`notRelated`).
 */
export function listDenialOf(actor: Actor): AccessDenial {
  const decision = decideChildAccess(actor, 'read', unrelatedChild);
  return decision.allowed ? 'notRelated' : decision.denial;
}
