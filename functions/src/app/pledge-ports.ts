import type { AuditRepository, PledgeSignatures, UserRepository } from '../store/ports.js';
import type { Basics } from './ports.js';

/**
 * The server's hashes and seal of pledge signatures (R8, issue 11), implemented outside app/ (compose/pledge-sealer.ts)
 * with a key derived from the server's secret: the table alone can neither forge nor silently change a record.
 */
export interface PledgeSealer {
  /** SHA-256, lowercase hex. */
  sha256Hex(data: Uint8Array | string): string;
  /** HMAC-SHA256 of `canonical` under the pledge key, lowercase hex. */
  seal(canonical: string): string;
  /** Whether `seal` is the seal of `canonical` (compared in constant time). */
  verify(canonical: string, seal: string): boolean;
}

/** Bytes of a drawn signature: base64 decoding and zlib inflation for signature-png.ts' checks. */
export interface ImageBytes {
  fromBase64(base64: string): Uint8Array;
  inflate(data: Uint8Array): Uint8Array;
}

export type PledgePorts = Basics & {
  pledgeSignatures: PledgeSignatures;
  users: Pick<UserRepository, 'get' | 'listByOrganization'>;
  audit: Pick<AuditRepository, 'record'>;
  sealer: PledgeSealer;
  images: ImageBytes;
};
