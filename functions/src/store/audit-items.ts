import { z } from 'zod';
import { auditActions, type AuditEntry } from '../domain/audit.js';
import { roleSchema } from '../domain/user.js';
import { auditKeys, stripKeys } from './keys.js';

const auditEntrySchema = z
  .object({
    id: z.string().min(1),
    at: z.string().min(1),
    actorId: z.string().min(1),
    actorRole: z.union([roleSchema, z.literal('system')]),
    action: z.enum(auditActions),
    childId: z.string().nullable(),
    outcome: z.enum(['allowed', 'denied']),
    reason: z.string().nullable(),
    route: z.string().max(200).optional(),
  })
  .strict();

// Checked both ways, so a change to AuditEntry that this schema misses fails the type check, not a write.
type StoredAuditEntry = z.infer<typeof auditEntrySchema>;
export const auditSchemaMatchesDomain: [StoredAuditEntry, AuditEntry] extends [AuditEntry, StoredAuditEntry] ? true : never =
  true;

export function auditItem(entry: AuditEntry): Record<string, unknown> {
  return { ...auditKeys(entry), entity: 'audit', ...auditEntrySchema.parse(entry) };
}

export function auditFromItem(item: Record<string, unknown>): AuditEntry {
  return auditEntrySchema.parse(stripKeys(item));
}

/** Audit entries are insert-only: a put inside a transaction must never overwrite an earlier entry. */
export const INSERT_ONLY = 'attribute_not_exists(pk)';
