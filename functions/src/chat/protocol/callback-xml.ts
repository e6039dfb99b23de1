import { CallbackRefusal } from './callback-refusal.js';

/**
 * The largest callback body read. A text message holds at most 2048 bytes of content; with its envelope, base64 and
 * the safe mode's encryption, 32 KiB is far above anything either platform sends, and far below what could hurt.
 */
export const MAX_CALLBACK_BYTES = 32 * 1024;

/** Deep enough for the nested event payloads WeCom sends (PicList > item > PicMd5Sum); no deeper. */
const MAX_DEPTH = 8;
const NAME = /[A-Za-z_][A-Za-z0-9_.-]*/y;
const XML_DECLARATION = /<\?xml\s[^?<>]*\?>/y;
const WHITESPACE = /\s*/y;
const ENTITY = /&(?:(lt|gt|amp|quot|apos)|#([0-9]{1,7})|#x([0-9A-Fa-f]{1,6}));/y;
/** Characters XML 1.0 forbids anywhere: C0 controls other than tab, LF and CR. */
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/**
 * The flat children of a callback's root `<xml>`: `{ ToUserName: 'gh_…', Content: '你好', … }`.
 *
 * A strict reader of the one shape both platforms send rather than a general XML parser: it knows no DTD, so a
 * declaration is refused before anything is read (no entity can expand: no billion laughs, no external entity), and
 * what it does not expect (attributes, processing instructions, a second root, an undeclared entity) is refused too.
 * Nested elements (WeCom's event payloads) are checked for well-formedness and left out of the record.
 */
export function parseCallbackXml(body: string): Record<string, string> {
  if (body.length > MAX_CALLBACK_BYTES || Buffer.byteLength(body, 'utf8') > MAX_CALLBACK_BYTES) {
    throw new CallbackRefusal('tooLarge');
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(body) || FORBIDDEN_CHARACTER.test(body)) throw new CallbackRefusal('xml');
  const reader = new XmlReader(body.startsWith('\uFEFF') ? body.slice(1) : body);
  return reader.readDocument();
}

/** Strings in CDATA (a `]]>` inside is split across two sections), numbers bare, in the order given. */
export function buildCallbackXml(fields: Record<string, string | number>): string {
  const children = Object.entries(fields).map(([name, value]) => {
    if (!new RegExp(`^${NAME.source}$`).test(name)) throw new Error(`不是合法的 XML 元素名：${name}`);
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new Error(`${name} 不是有限的数字`);
      return `<${name}>${value}</${name}>`;
    }
    return `<${name}><![CDATA[${value.replaceAll(']]>', ']]]]><![CDATA[>')}]]></${name}>`;
  });
  return `<xml>${children.join('')}</xml>`;
}

interface ElementContent {
  text: string;
  hasChildren: boolean;
}

class XmlReader {
  private at = 0;

  constructor(private readonly source: string) {}

  readDocument(): Record<string, string> {
    this.skip(WHITESPACE);
    this.skip(XML_DECLARATION);
    this.skip(WHITESPACE);
    const fields: Record<string, string> = {};
    const root = this.readStartTag();
    if (root.name !== 'xml') this.refuse();
    if (!root.selfClosing) this.readContent('xml', 0, fields);
    this.skip(WHITESPACE);
    if (this.at !== this.source.length) this.refuse();
    return fields;
  }

  /** Reads up to and including the end tag of `name`; records leaf children in `fields` when given. */
  private readContent(name: string, depth: number, fields?: Record<string, string>): ElementContent {
    if (depth >= MAX_DEPTH) this.refuse();
    let text = '';
    let hasChildren = false;
    for (;;) {
      if (this.at >= this.source.length) this.refuse();
      if (this.startsWith('<![CDATA[')) {
        const end = this.source.indexOf(']]>', this.at + 9);
        if (end < 0) this.refuse();
        text += this.source.slice(this.at + 9, end);
        this.at = end + 3;
      } else if (this.startsWith('<!--')) {
        const end = this.source.indexOf('-->', this.at + 4);
        if (end < 0) this.refuse();
        this.at = end + 3;
      } else if (this.startsWith('</')) {
        this.at += 2;
        if (this.readName() !== name) this.refuse();
        this.skip(WHITESPACE);
        this.expect('>');
        return { text, hasChildren };
      } else if (this.startsWith('<')) {
        hasChildren = true;
        const child = this.readStartTag();
        const content = child.selfClosing ? { text: '', hasChildren: false } : this.readContent(child.name, depth + 1);
        if (fields && !content.hasChildren) {
          if (Object.hasOwn(fields, child.name)) this.refuse();
          fields[child.name] = content.text;
        }
      } else {
        text += this.readText();
      }
      // The root holds only elements: text beside them is not the flat shape the platforms send.
      if (fields && text.trim() !== '') this.refuse();
    }
  }

  private readStartTag(): { name: string; selfClosing: boolean } {
    this.expect('<');
    const name = this.readName();
    this.skip(WHITESPACE);
    if (this.startsWith('/>')) {
      this.at += 2;
      return { name, selfClosing: true };
    }
    this.expect('>');
    return { name, selfClosing: false };
  }

  private readText(): string {
    const end = this.source.indexOf('<', this.at);
    const raw = this.source.slice(this.at, end < 0 ? this.source.length : end);
    if (raw.includes(']]>')) this.refuse();
    this.at += raw.length;
    let decoded = '';
    let from = 0;
    for (let amp = raw.indexOf('&'); amp >= 0; amp = raw.indexOf('&', from)) {
      ENTITY.lastIndex = amp;
      const match = ENTITY.exec(raw);
      if (!match) this.refuse();
      decoded += raw.slice(from, amp) + decodeEntity(match, () => this.refuse());
      from = ENTITY.lastIndex;
    }
    return decoded + raw.slice(from);
  }

  private readName(): string {
    NAME.lastIndex = this.at;
    const match = NAME.exec(this.source);
    if (!match) this.refuse();
    this.at = NAME.lastIndex;
    return match[0];
  }

  private skip(pattern: RegExp): void {
    pattern.lastIndex = this.at;
    if (pattern.exec(this.source)) this.at = pattern.lastIndex;
  }

  private expect(literal: string): void {
    if (!this.startsWith(literal)) this.refuse();
    this.at += literal.length;
  }

  private startsWith(literal: string): boolean {
    return this.source.startsWith(literal, this.at);
  }

  private refuse(): never {
    throw new CallbackRefusal('xml');
  }
}

function decodeEntity(match: RegExpExecArray, refuse: () => never): string {
  const [, named, decimal, hex] = match;
  if (named) return PREDEFINED[named];
  const codePoint = decimal ? Number.parseInt(decimal, 10) : Number.parseInt(hex, 16);
  const allowed =
    codePoint === 0x9 || codePoint === 0xa || codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) || (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff);
  if (!allowed) refuse();
  return String.fromCodePoint(codePoint);
}
