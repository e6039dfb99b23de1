import { createHash } from 'node:crypto';
import type { EscalationKeys } from '../app/escalation-ports.js';

/**
 * A case's id is a hash of who raised it and their Idempotency-Key (issue 8, R6), so a case sent again after a lost
 * answer is the same case; 32 hex characters, like the product's other ids, which keeps a deadline's id within 64.
 */
export function createEscalationKeys(): EscalationKeys {
  return {
    escalationIdFor: (userId, idempotencyKey) => createHash('sha256').update(`escalation\n${userId}\n${idempotencyKey}`).digest('hex').slice(0, 32),
  };
}
