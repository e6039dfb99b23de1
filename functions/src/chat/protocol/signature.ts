import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * The callback signature both platforms use: SHA-1 (hex) of the parts sorted as strings and joined. The Official
 * Account's plain `signature` has no ciphertext; `msg_signature` adds the echostr or the Encrypt field.
 */
export function callbackSignature(token: string, timestamp: string, nonce: string, encrypted?: string): string {
  const parts = encrypted === undefined ? [token, timestamp, nonce] : [token, timestamp, nonce, encrypted];
  // Plain code-unit order, as the platforms' samples sort (not localeCompare).
  parts.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha1').update(parts.join(''), 'utf8').digest('hex');
}

/** Compares in constant time so a forger learns nothing from how long a refusal takes. */
export function signaturesMatch(expected: string, given: string): boolean {
  const a = Buffer.from(expected.toLowerCase(), 'utf8');
  const b = Buffer.from(given.toLowerCase(), 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
