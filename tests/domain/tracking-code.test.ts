import { describe, expect, it } from 'vitest';
import { normaliseTrackingCode, TRACKING_ALPHABET, trackingCodeFromBytes } from '../../functions/src/domain/tracking-code.js';

describe('tracking codes (issue 8)', () => {
  it('encodes 120 bits as 24 base32 characters in groups of four', () => {
    expect(trackingCodeFromBytes(new Uint8Array(15))).toBe('0000-0000-0000-0000-0000-0000');
    expect(trackingCodeFromBytes(new Uint8Array(15).fill(255))).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    // 0b00001 00010 00011 … : the first bytes 0x08 0x86 0x42 spell 1, 2, 3, 4 (and the start of the next).
    expect(trackingCodeFromBytes(Uint8Array.from([0x08, 0x86, 0x42, ...new Array(12).fill(0)])).slice(0, 4)).toBe('1234');
    expect(() => trackingCodeFromBytes(new Uint8Array(14))).toThrow();
  });

  it('different bytes give different codes, each character from the alphabet', () => {
    const codes = new Set<string>();
    for (let n = 0; n < 200; n += 1) codes.add(trackingCodeFromBytes(Uint8Array.from({ length: 15 }, (_, i) => (n * 31 + i * 7) & 255)));
    expect(codes.size).toBe(200);
    for (const code of codes) expect([...code.replaceAll('-', '')].every((char) => TRACKING_ALPHABET.includes(char))).toBe(true);
  });

  it('reads a code as people type it: any case, spaces or no dashes, O for 0 and I or L for 1', () => {
    const code = 'K7QM-2XHD-1A0B-CDEF-GHJK-MNPQ';
    expect(normaliseTrackingCode(code)).toBe(code);
    expect(normaliseTrackingCode(' k7qm 2xhd iaob cdef ghjk mnpq ')).toBe(code);
    expect(normaliseTrackingCode('K7QM2XHDLAOBCDEFGHJKMNPQ')).toBe(code);
    expect(normaliseTrackingCode('K7QM-2XHD')).toBeNull();
    expect(normaliseTrackingCode('K7QM-2XHD-1A0B-CDEF-GHJK-MNPU')).toBeNull();
  });
});
