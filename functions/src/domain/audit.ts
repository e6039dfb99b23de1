import type { Role } from './user.js';

/**
 * Every access to a child's record, allowed or refused, leaves one of these (Regulations on children's personal
 * information online: "each access recorded"; Primero's "who viewed this record"). It holds ids, never personal data.
 */
export type AuditAction = 'child.read' | 'child.list' | 'child.create' | 'child.update' | 'child.assignTeam';
export type AuditOutcome = 'allowed' | 'denied';

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string;
  /** 'system' for what the product does by itself, such as seeding the demo area. */
  actorRole: Role | 'system';
  action: AuditAction;
  /** Null for a refused list or a refused create, where no single child is concerned. */
  childId: string | null;
  outcome: AuditOutcome;
  /** Why it was refused, in the policy's words (`notRelated`, `roleCannot`, `pledgeMissing`, `forbiddenField:x`). */
  reason: string | null;
}
