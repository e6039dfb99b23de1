/**
 * The code an anonymous reporter follows their concern with (issue 8, R17). Crockford's base32: no I, L, O or U, so
 * a code read aloud or copied by hand survives (O is taken as 0, I and L as 1). 24 characters carry 120 bits, far
 * beyond guessing even at the rate limit's pace; shown in groups of four.
 */
export const TRACKING_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
export const TRACKING_CODE_LENGTH = 24;
const GROUP = 4;

/** The code of 15 bytes or more (the first 120 bits), in groups: `K7QM-2XHD-…`. */
export function trackingCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length * 8 < TRACKING_CODE_LENGTH * 5) throw new Error('a tracking code needs 120 bits');
  let code = '';
  for (let index = 0; index < TRACKING_CODE_LENGTH; index += 1) {
    const bit = index * 5;
    const pair = (bytes[bit >> 3] << 8) | (bytes[(bit >> 3) + 1] ?? 0);
    code += TRACKING_ALPHABET[(pair >> (11 - (bit & 7))) & 31];
  }
  return code.match(new RegExp(`.{${GROUP}}`, 'g'))!.join('-');
}

/** The code as typed (any case, spaces, dashes, look-alike letters), in its canonical form; null if it cannot be one. */
export function normaliseTrackingCode(input: string): string | null {
  const compact = input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (compact.length !== TRACKING_CODE_LENGTH || [...compact].some((char) => !TRACKING_ALPHABET.includes(char))) return null;
  return compact.match(new RegExp(`.{${GROUP}}`, 'g'))!.join('-');
}
