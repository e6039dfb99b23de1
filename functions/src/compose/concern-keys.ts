import { createHash, createHmac } from 'node:crypto';
import type { ConcernKeys } from '../app/concern-ports.js';
import { trackingCodeFromBytes } from '../domain/tracking-code.js';

/**
 * Concern ids and tracking codes (issue 8). A concern's id is a hash of who sent it and their Idempotency-Key, so the
 * same report sent twice is one concern. A tracking code is the HMAC of the concern's id under a key of the server's,
 * so a report sent again after a lost answer is given the same code without the code ever being stored: the table
 * keeps only its SHA-256, which lets the reporter's code find the concern and nobody with the table alone find a code.
 */
export function createConcernKeys(serverSecret: string): ConcernKeys {
  // A key of its own, derived from the server's secret: a tracking code says nothing about session tokens.
  const key = createHmac('sha256', serverSecret).update('shouhu concern tracking code v1').digest();
  return {
    concernIdFor: (origin, idempotencyKey) => createHash('sha256').update(`${origin}\n${idempotencyKey}`).digest('hex').slice(0, 32),
    codeFor: (concernId) => trackingCodeFromBytes(createHmac('sha256', key).update(concernId).digest()),
    hashOf: (code) => createHash('sha256').update(code).digest('hex'),
  };
}
