import { z } from 'zod';

/**
 * The one schema for text people type into the API (issue 6): names, addresses, notes, reasons. What it keeps is
 * what a reader sees: no control characters, no broken UTF-16, no invisible padding, and one Unicode form (NFC), so
 * the same name typed on two phones is the same string.
 *
 * Lengths count Unicode code points after normalisation, not UTF-16 units: a rare character outside the BMP
 * (𠀀, not unusual in names) counts once, as people count it and as JSON Schema's maxLength does. An emoji made of
 * several code points (👨‍👩‍👧) counts as several; the limits leave room for that.
 */

/**
 * C0, DEL and C1, but for tab (made a space) and the line breaks of multi-line text (made `\n`); one-line text has
 * already been refused for its line breaks.
 */
const CONTROL = /(?![\t\n\v\f\r])\p{Cc}/u;
/** Vertical tab is how Word copies a manual line break; form feed a page break. */
const LINE_BREAK = /[\n\v\f\r\u2028\u2029]/u;
const LINE_BREAKS = /\r\n?|[\v\f\u2028\u2029]/gu;
const TABS = /\t/g;
/** Direction embeddings, overrides and isolates: Chinese text needs none, and they make a name display as another. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
/** Lone surrogates, noncharacters and U+FFFD: the trace of text broken somewhere before it reached us. */
const BROKEN = /\p{Cs}|\p{Noncharacter_Code_Point}|\uFFFD/u;
/**
 * Invisible characters that carry nothing here, dropped wherever they are: zero-width spaces, and the direction marks
 * (LRM, RLM, ALM) that text copied from some apps brings along. ZWJ and ZWNJ are kept inside: emoji sequences need ZWJ.
 */
const EMPTY_FORMAT = /[\u200B\u2060\uFEFF\u180E\u200E\u200F\u061C]/gu;
/**
 * Spaces of every width (U+3000 included), zero-width characters, and the blank letters used to fake a name. All are
 * in the BMP, so a blank is one UTF-16 unit and trimming never splits a surrogate pair.
 */
const BLANK = /^[\p{White_Space}\u200B-\u200F\u2060\uFEFF\u180E\u061C\u115F\u1160\u3164\uFFA0\u2800]$/u;
/**
 * Something a reader can see: a letter, digit, punctuation or symbol that is not one of the blank letters, or a
 * private-use character (some rare characters of names were only ever encoded there, by GB 18030's mappings).
 */
const VISIBLE = /(?![\u115F\u1160\u3164\uFFA0\u2800])[\p{L}\p{N}\p{P}\p{S}\p{Co}]/u;

export const textMessages = {
  broken: '含有无效字符（文字编码有误）',
  control: '不能包含控制字符',
  lineBreak: '不能换行',
  bidi: '不能包含文字方向控制字符',
  blank: '不能只有空格或不可见字符',
} as const;

interface TextOptions {
  /** Fewest code points; 0 lets the field be left empty (''), though never filled with blanks only. */
  min?: number;
}

type Lines = 'single' | 'multi';

function junkIn(value: string, lines: Lines): string | null {
  if (BROKEN.test(value)) return textMessages.broken;
  if (lines === 'single' && LINE_BREAK.test(value)) return textMessages.lineBreak;
  if (CONTROL.test(value)) return textMessages.control;
  if (BIDI_CONTROL.test(value)) return textMessages.bidi;
  if (value !== '' && !VISIBLE.test(value)) return textMessages.blank;
  return null;
}

/** A scan rather than `/\s+$/`, which backtracks in quadratic time over a long run of inner spaces. */
function trimBlanks(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && BLANK.test(value[start])) start += 1;
  while (end > start && BLANK.test(value[end - 1])) end -= 1;
  return value.slice(start, end);
}

/** Only run on text that passed `junkIn`; applying it twice changes nothing, so stored text reads back as written. */
function normaliseText(value: string, lines: Lines): string {
  const unbroken = lines === 'multi' ? value.replace(LINE_BREAKS, '\n') : value;
  return trimBlanks(unbroken.replace(TABS, ' ').replace(EMPTY_FORMAT, '').normalize('NFC'));
}

function codePointLength(value: string): number {
  let count = 0;
  for (const _ of value) count += 1;
  return count;
}

/** Cuts text to at most `max` code points, never between the two halves of a surrogate pair. */
export function truncateText(value: string, max: number): string {
  return codePointLength(value) <= max ? value : Array.from(value).slice(0, max).join('');
}

const descriptions: Record<Lines, string> = {
  single: '单行文字：按 Unicode 字符计长度；去除首尾空白，统一为 NFC；不得含换行、控制字符或只有空白',
  multi: '多行文字：按 Unicode 字符计长度；换行统一为 \\n，去除首尾空白，统一为 NFC；不得含控制字符或只有空白',
};

function textSchema(lines: Lines, max: number, { min = 1 }: TextOptions) {
  return z
    .string()
    .check((ctx) => {
      const message = junkIn(ctx.value, lines);
      if (message !== null) ctx.issues.push({ code: 'custom', message, input: ctx.value });
    })
    .overwrite((value) => normaliseText(value, lines))
    .check((ctx) => {
      const length = codePointLength(ctx.value);
      if (length > max) ctx.issues.push({ code: 'too_big', origin: 'string', maximum: max, inclusive: true, input: ctx.value });
      else if (length < min) ctx.issues.push({ code: 'too_small', origin: 'string', minimum: min, inclusive: true, input: ctx.value });
    })
    .meta({ minLength: min, maxLength: max, description: descriptions[lines] });
}

/** A name, an address, a reference, a short reason: one line. Tabs become spaces. */
export function singleLineText(max: number, options: TextOptions = {}) {
  return textSchema('single', max, options);
}

/** Notes, service records, problems found: line breaks kept as `\n` (`\r\n`, `\r`, `\v`, `\f`, U+2028/2029 too). */
export function multiLineText(max: number, options: TextOptions = {}) {
  return textSchema('multi', max, options);
}
