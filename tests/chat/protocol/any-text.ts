import fc from 'fast-check';

const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).filter((cp) => cp < 0xd800 || cp > 0xdfff);

/**
 * Text as people type it in a chat, weighted towards ASCII, Chinese and emoji but reaching every code point
 * (no lone surrogates: they cannot be UTF-8). Built from code points because fc.string's unicode units are slow.
 */
export function anyText(options: { maxLength?: number; xmlCharactersOnly?: boolean } = {}): fc.Arbitrary<string> {
  const codePoint = fc.oneof(
    fc.integer({ min: 0x20, max: 0x7e }),
    fc.integer({ min: 0x4e00, max: 0x9fff }),
    fc.integer({ min: 0x1f300, max: 0x1faff }),
    fc.constantFrom(0x200d, 0xfe0f, 0x3000, 0xff01, 0x0a),
    options.xmlCharactersOnly ? anyCodePoint.filter(isXmlCharacter) : anyCodePoint,
  );
  return fc.array(codePoint, { maxLength: options.maxLength ?? 200 }).map((cps) => String.fromCodePoint(...cps));
}

function isXmlCharacter(cp: number): boolean {
  return cp === 0x9 || cp === 0xa || cp === 0xd || (cp >= 0x20 && cp <= 0xfffd) || cp >= 0x10000;
}
