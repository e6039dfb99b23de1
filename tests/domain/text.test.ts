import { describe, expect, it } from 'vitest';
import { birthDateSchema, eventDateSchema, eventInstantSchema } from '../../functions/src/domain/date-bounds.js';
import { multiLineText, singleLineText, textMessages, truncateText } from '../../functions/src/domain/text.js';

/** Issue 6: the one text schema refuses each kind of junk and keeps good Chinese text, normalised. */
const name = singleLineText(50);
const notes = multiLineText(4000, { min: 0 });

function messageOf(result: ReturnType<typeof name.safeParse>): string | undefined {
  return result.error?.issues[0]?.message;
}

const nfd = (text: string) => text.normalize('NFD');

describe('junk is refused, saying what is wrong', () => {
  const junk: [label: string, value: string, message: string][] = [
    ['NUL', '孙\u0000小花', textMessages.control],
    ['a bell (C0)', '孙小花\u0007', textMessages.control],
    ['an escape sequence', '\u001B[31m孙小花', textMessages.control],
    ['DEL', '孙小\u007F花', textMessages.control],
    ['a C1 control (NEL)', '孙小\u0085花', textMessages.control],
    ['a C1 control (CSI)', '孙小\u009B花', textMessages.control],
    ['a lone high surrogate', '孙小\uD842', textMessages.broken],
    ['a lone low surrogate', '\uDFB7孙小花', textMessages.broken],
    ['a pair in the wrong order', '孙\uDFB7\uD842', textMessages.broken],
    ['a noncharacter', '孙小花\uFFFF', textMessages.broken],
    ['a replacement character (mis-decoded text)', '孙\uFFFD花', textMessages.broken],
    ['a right-to-left override', '孙小花\u202Egpj.exe', textMessages.bidi],
    ['a line break in a one-line field', '孙小\n花', textMessages.lineBreak],
    ['a carriage return in a one-line field', '孙小\r花', textMessages.lineBreak],
    ['a line separator in a one-line field', '孙小\u2028花', textMessages.lineBreak],
    ['a vertical tab (Word’s line break) in a one-line field', '孙小\u000B花', textMessages.lineBreak],
    ['a form feed in a one-line field', '孙小花\u000C', textMessages.lineBreak],
    ['only spaces', '   ', textMessages.blank],
    ['only ideographic spaces', '\u3000\u3000', textMessages.blank],
    ['only zero-width characters', '\u200B\u200C\u200D\u2060\uFEFF', textMessages.blank],
    ['only a Hangul filler (a blank "letter")', '\u3164', textMessages.blank],
    ['only a braille blank', '\u2800\u2800', textMessages.blank],
    ['only a tab', '\t', textMessages.blank],
    ['only a combining mark', '\u0301', textMessages.blank],
    ['only no-break and thin spaces', '\u00A0\u2009\u202F', textMessages.blank],
  ];

  it.each(junk)('%s', (_label, value, message) => {
    expect(messageOf(name.safeParse(value))).toBe(message);
  });

  it.each(junk.filter(([label]) => !label.includes('one-line')))('%s, in multi-line text too', (_label, value, message) => {
    expect(notes.safeParse(value).error?.issues[0]?.message).toBe(message);
  });

  it('refuses an empty required field and one over the limit, as the mapper knows them', () => {
    expect(name.safeParse('').error?.issues[0]).toMatchObject({ code: 'too_small', minimum: 1, origin: 'string' });
    expect(name.safeParse('花'.repeat(51)).error?.issues[0]).toMatchObject({ code: 'too_big', maximum: 50, origin: 'string' });
    expect(singleLineText(200, { min: 2 }).safeParse(' 好 ').error?.issues[0]).toMatchObject({ code: 'too_small', minimum: 2 });
  });

  it('refuses anything that is not a string', () => {
    expect(name.safeParse(12).error?.issues[0]).toMatchObject({ code: 'invalid_type' });
  });
});

describe('good text is kept, normalised', () => {
  const good: [label: string, value: string, stored: string][] = [
    ['plain Chinese', '孙小花', '孙小花'],
    ['surrounding spaces', '  孙小花 ', '孙小花'],
    ['surrounding ideographic spaces', '\u3000孙小花\u3000', '孙小花'],
    ['zero-width characters at the ends and inside', '\uFEFF孙小\u200B花\u2060', '孙小花'],
    ['direction marks copied along from another app', '\u200E孙小\u200F花\u061C', '孙小花'],
    ['a tab inside', '孙\t小花', '孙 小花'],
    ['a middle dot in a minority name', '阿依古丽·买买提', '阿依古丽·买买提'],
    ['an emoji', '小花🌸', '小花🌸'],
    ['an emoji sequence joined by ZWJ', '一家👨‍👩‍👧', '一家👨‍👩‍👧'],
    ['an emoji with its presentation selector', '小花❤️', '小花❤️'],
    ['rare characters outside the BMP (valid surrogate pairs)', '王𠀀𪚥', '王𠀀𪚥'],
    ['pinyin with combining tone marks', 'Lu\u0308\u030C Xiǎohuā', 'Lǚ Xiǎohuā'],
    ['a Korean name in decomposed jamo (NFD, as macOS writes it)', nfd('김민준'), '김민준'],
    ['a private-use character (rare name characters mapped by GB 18030)', '王\uE000', '王\uE000'],
  ];

  it.each(good)('%s', (_label, value, stored) => {
    const parsed = name.parse(value);
    expect(parsed).toBe(stored);
    expect(parsed.normalize('NFC')).toBe(parsed);
  });

  it('keeps line breaks in multi-line text as \\n, trimming blank lines at the ends', () => {
    expect(notes.parse('\r\n  第一行\r\n第二行\r第三行\u2028第四行\u2029第五行\v第六行\f\n')).toBe('第一行\n第二行\n第三行\n第四行\n第五行\n第六行');
  });

  it('lets an optional multi-line field be left empty', () => {
    expect(notes.parse('')).toBe('');
  });

  it('counts code points after normalisation: 50 rare characters fit a 50-character name', () => {
    expect(name.parse('𠀀'.repeat(50))).toHaveLength(100);
    expect(name.safeParse('𠀀'.repeat(51)).success).toBe(false);
    // 50 decomposed letters are 100 code points before NFC and 50 after.
    expect(name.parse('e\u0301'.repeat(50))).toBe('é'.repeat(50));
  });

  it('gives the same result when applied again, so stored text reads back unchanged', () => {
    for (const [, value] of good) expect(name.parse(name.parse(value))).toBe(name.parse(value));
  });
});

describe('truncating text', () => {
  it('never cuts a surrogate pair in half', () => {
    const cut = truncateText('花𠀀𠀀', 2);
    expect(cut).toBe('花𠀀');
    expect(/\p{Cs}/u.test(cut)).toBe(false);
  });

  it('leaves short text alone', () => {
    expect(truncateText('孙小花', 3)).toBe('孙小花');
  });
});

describe('plausible dates', () => {
  it('refuses a birth date before 1990 and takes one from then on', () => {
    expect(birthDateSchema.safeParse('1800-01-01').error?.issues[0]?.message).toBe('不能早于1990-01-01');
    expect(birthDateSchema.safeParse('1989-12-31').success).toBe(false);
    expect(birthDateSchema.parse('1990-01-01')).toBe('1990-01-01');
  });

  it('refuses an event date or time before 2000, in Beijing time', () => {
    expect(eventDateSchema.safeParse('1999-12-31').success).toBe(false);
    expect(eventDateSchema.parse('2000-01-01')).toBe('2000-01-01');
    expect(eventInstantSchema.safeParse('1999-12-31T23:59:59+08:00').success).toBe(false);
    expect(eventInstantSchema.parse('2000-01-01T00:00:00+08:00')).toBe('2000-01-01T00:00:00+08:00');
  });

  it('reports a malformed date once, as malformed', () => {
    expect(eventInstantSchema.safeParse('yesterday').error?.issues).toHaveLength(1);
    expect(birthDateSchema.safeParse('2020-02-30').error?.issues).toEqual([expect.objectContaining({ code: 'invalid_format' })]);
  });
});
