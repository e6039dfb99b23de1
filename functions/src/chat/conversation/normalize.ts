/** Full-width forms (！ to ～) sit at a fixed distance from their ASCII twins. */
const FULL_WIDTH_OFFSET = 0xfee0;
const TRAILING_PUNCTUATION = /[。．.！!？?，,、；;～~]+$/u;

/**
 * What a message says, forgiving how it was typed (issue 10): full-width letters, digits and spaces folded to
 * half-width, every space removed, trailing punctuation dropped, lower case. 确认。 ＿ １ ＿ and " 1 " all read "1".
 */
export function normalize(text: string): string {
  const halfWidth = [...text]
    .map((char) => {
      const code = char.codePointAt(0) ?? 0;
      if (code >= 0xff01 && code <= 0xff5e) return String.fromCodePoint(code - FULL_WIDTH_OFFSET);
      return char;
    })
    .join('');
  const compact = halfWidth.replace(/\s+/gu, '');
  // A message of punctuation only ("？") keeps it: it is asking for help.
  return (compact.replace(TRAILING_PUNCTUATION, '') || compact).toLowerCase();
}
