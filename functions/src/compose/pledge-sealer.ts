import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import type { ImageBytes, PledgeSealer } from '../app/pledge-ports.js';

/**
 * R8, issue 11: the seal of pledge signatures, an HMAC under a key of its own derived from the server's secret (the
 * session secret, which never lives in the repository): a seal says nothing about session tokens, and the table
 * alone cannot make a valid one.
 */
export function createPledgeSealer(serverSecret: string): PledgeSealer {
  const key = createHmac('sha256', serverSecret).update('shouhu pledge signature seal v1').digest();
  const seal = (canonical: string) => createHmac('sha256', key).update(canonical, 'utf8').digest('hex');
  return {
    sha256Hex: (data) => createHash('sha256').update(data).digest('hex'),
    seal,
    verify(canonical, given) {
      const expected = Buffer.from(seal(canonical), 'hex');
      const actual = Buffer.from(given, 'hex');
      return actual.length === expected.length && timingSafeEqual(actual, expected);
    },
  };
}

/** Inflation is capped: a PNG of ≤ 100 KB within 2000×2000 RGBA inflates to at most 16 MB. */
const MAX_INFLATED = 2000 * (2000 * 4 + 1);

export const nodeImageBytes: ImageBytes = {
  fromBase64: (base64) => new Uint8Array(Buffer.from(base64, 'base64')),
  inflate: (data) => new Uint8Array(inflateSync(data, { maxOutputLength: MAX_INFLATED })),
};
