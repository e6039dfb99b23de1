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
