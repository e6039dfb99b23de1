import type { AuditAction, AuditEntry, AuditOutcome } from '../domain/audit.js';
import type { Actor } from '../domain/user.js';
import type { Basics } from './ports.js';

/** The audit entry of one access; ids and the policy's reason only, never personal data. */
export function auditEntryOf(
  basics: Basics,
  actor: Pick<Actor, 'id' | 'role'>,
  action: AuditAction,
  childId: string | null,
  outcome: AuditOutcome,
  reason: string | null = null,
): AuditEntry {
  return {
    id: basics.newId(),
    at: basics.clock().toISOString(),
    actorId: actor.id,
    actorRole: actor.role,
    action,
    childId,
    outcome,
    reason,
  };
}
