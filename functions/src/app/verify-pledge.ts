import { canonicalPledgeText, pledgeTextOf } from '../domain/pledge-texts.js';
import { canonicalSignature, isIntact, type PledgeSignature } from '../domain/pledge.js';
import type { StoredSignature } from '../store/ports.js';
import type { PledgeSealer } from './pledge-ports.js';

/**
 * R8, issue 11: a signature record checked on every read. Intact only if its seal is the server's over every field,
 * its text hash is that of the version's published text, and its image hash that of the image it holds. A record
 * whose fields no longer fit the schema is not intact either.
 */
export function verifiedSignature(sealer: PledgeSealer, imageBytes: (base64: string) => Uint8Array, stored: StoredSignature): { signature: PledgeSignature | null; intact: boolean } {
  if (!stored.wellFormed) return { signature: null, intact: false };
  const { signature } = stored;
  const { seal, ...unsealed } = signature;
  const text = pledgeTextOf(signature.version);
  const intact = isIntact({
    sealValid: sealer.verify(canonicalSignature(unsealed), seal),
    textHashValid: text !== null && sealer.sha256Hex(canonicalPledgeText(text)) === signature.textHash,
    imageHashValid: sealer.sha256Hex(imageBytes(signature.signaturePng)) === signature.imageHash,
  });
  return { signature, intact };
}
