import { z } from 'zod';
import { idSchema } from './region.js';
import { singleLineText } from './text.js';
import { pledgeVersionSchema } from './user.js';

/**
 * R8: the record of one signature of the child-protection pledge (issue 11). Written once and never updated: the
 * text's version and hash say which words were signed; the typed name and the drawn image who signed; the seal (an
 * HMAC of the server's over every other field, `canonicalSignature`) shows any later change of any field.
 */

/** What the client says it is: kept for the record, bounded, never trusted for anything. */
export const signingClientSchema = z
  .object({
    platform: z.enum(['weapp', 'h5', 'other']),
    userAgent: singleLineText(512).optional(),
  })
  .strict();
export type SigningClient = z.infer<typeof signingClientSchema>;

/** Base64 of at most ~100 KB of PNG (4/3 of the bytes, and a little room); the bytes are checked in signature-png.ts. */
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;
export const signaturePngSchema = z.string().min(8).max(140_000).regex(BASE64, 'base64 of a PNG image');

export const signPledgeInputSchema = z
  .object({
    /** The version the signer read; it must be the current one. */
    version: pledgeVersionSchema,
    /** The signer's name as typed; it must equal the account's name. */
    typedName: singleLineText(50),
    consent: z.literal(true, { error: '须勾选同意' }),
    /** The drawn signature, a PNG in base64 (no data: prefix). */
    signaturePng: signaturePngSchema,
    client: signingClientSchema,
  })
  .strict();
export type SignPledgeInput = z.infer<typeof signPledgeInputSchema>;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const pledgeSignatureSchema = z
  .object({
    userId: idSchema,
    /** The signer's organization when they signed (the org admin's list is by organization). */
    organizationId: idSchema.nullable(),
    version: pledgeVersionSchema,
    /** SHA-256 of `canonicalPledgeText` of that version. */
    textHash: sha256Hex,
    typedName: z.string().min(1).max(200),
    signaturePng: signaturePngSchema,
    /** SHA-256 of the PNG's bytes. */
    imageHash: sha256Hex,
    /** The server's time of signing. */
    signedAt: z.iso.datetime({ offset: true }),
    client: signingClientSchema,
    /** HMAC-SHA256 (hex) of `canonicalSignature` with the server's pledge key. */
    seal: sha256Hex,
  })
  .strict();
export type PledgeSignature = z.infer<typeof pledgeSignatureSchema>;
export type UnsealedSignature = Omit<PledgeSignature, 'seal'>;

/**
 * The exact string the seal covers: every field but the seal, in a fixed order, as a JSON array (so no field can
 * bleed into the next). A change of the record's shape is a new prefix, never a silent reinterpretation.
 */
export function canonicalSignature(record: UnsealedSignature): string {
  return JSON.stringify([
    'shouhu-pledge-signature-v1',
    record.userId,
    record.organizationId,
    record.version,
    record.textHash,
    record.typedName,
    record.imageHash,
    record.signedAt,
    record.client.platform,
    record.client.userAgent ?? null,
  ]);
}

/** Whether a stored record is intact, from the facts a reader recomputes (hashes, seal): any mismatch is 记录异常. */
export interface SignatureIntegrity {
  sealValid: boolean;
  textHashValid: boolean;
  imageHashValid: boolean;
}

export function isIntact(integrity: SignatureIntegrity): boolean {
  return integrity.sealValid && integrity.textHashValid && integrity.imageHashValid;
}

/** The typed name counts when it is the account's name, ignoring spaces people put between characters. */
export function typedNameMatches(typed: string, accountName: string): boolean {
  const squeeze = (name: string) => name.normalize('NFC').replace(/\s+/gu, '');
  return squeeze(typed) === squeeze(accountName);
}
