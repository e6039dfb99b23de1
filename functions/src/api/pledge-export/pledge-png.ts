import { initWasm, Resvg } from '@resvg/resvg-wasm';
import type { SignedPledge } from '../../app/read-signed-pledge.js';
import { roleNames } from '../../domain/user.js';
import { beijingTimeOf } from './beijing-time.js';
import { PLEDGE_FONT_FAMILY, pledgeFont, resvgWasm } from './pledge-font.js';

/**
 * R8, issue 11: a signed pledge as one PNG image (for a phone's photo album or a chat), drawn as SVG and rendered by
 * resvg (a maintained Rust renderer, here as WebAssembly so no native binary must match the Lambda's CPU) with the same CJK font as the PDF. Lines are
 * wrapped here: a CJK character takes one em, other characters about half.
 */
const WIDTH = 900;
const MARGIN = 60;
const BODY = 22;
const LINE = BODY * 1.7;

function widthOf(char: string): number {
  return /[\u2E80-\uFFEF]/u.test(char) ? 1 : 0.55;
}

export function wrapLine(text: string, maxEms: number): string[] {
  const lines: string[] = [];
  let current = '';
  let used = 0;
  for (const char of text) {
    const width = widthOf(char);
    // Closing punctuation hangs at the end of the line rather than starting the next (禁则).
    if (used + width > maxEms && current !== '' && !/[，。；：、）」』！？]/u.test(char)) {
      lines.push(current);
      current = '';
      used = 0;
    }
    current += char;
    used += width;
  }
  if (current !== '') lines.push(current);
  return lines;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

let initialised: Promise<void> | null = null;

/** resvg's WebAssembly is set up once per container. */
function ready(): Promise<void> {
  initialised ??= initWasm(resvgWasm());
  return initialised;
}

export async function pledgePngOf(pledge: SignedPledge): Promise<Uint8Array<ArrayBuffer>> {
  const { text, signature } = pledge;
  const maxEms = (WIDTH - 2 * MARGIN) / BODY;
  const parts: string[] = [];
  let y = MARGIN + 34;
  parts.push(`<text x="${WIDTH / 2}" y="${y}" font-size="34" text-anchor="middle">${escapeXml(text.title)}</text>`);
  y += 34;
  parts.push(`<text x="${WIDTH / 2}" y="${y}" font-size="16" fill="#666" text-anchor="middle">${escapeXml(`版本 ${text.id} · ${text.publishedOn} 发布`)}</text>`);
  y += 30;
  for (const paragraph of text.paragraphs) {
    for (const line of wrapLine(paragraph, maxEms)) {
      y += LINE;
      parts.push(`<text x="${MARGIN}" y="${y}" font-size="${BODY}">${escapeXml(line)}</text>`);
    }
    y += BODY * 0.6;
  }
  y += LINE * 1.5;
  parts.push(`<text x="${MARGIN}" y="${y}" font-size="${BODY}">${escapeXml(`承诺人（${roleNames[pledge.signerRole]}）：${signature.typedName}`)}</text>`);
  y += LINE;
  parts.push(`<text x="${MARGIN}" y="${y}" font-size="${BODY}">手写签名：</text>`);
  parts.push(`<image x="${MARGIN + BODY * 5}" y="${y - BODY * 1.5}" width="300" height="120" preserveAspectRatio="xMinYMid meet" href="data:image/png;base64,${signature.signaturePng}"/>`);
  y += 120;
  parts.push(`<text x="${MARGIN}" y="${y}" font-size="${BODY}">${escapeXml(`签署时间：${beijingTimeOf(signature.signedAt)}（北京时间）`)}</text>`);
  y += LINE * 1.2;
  for (const line of [`承诺书文本 SHA-256：${signature.textHash}`, `记录封印：${signature.seal}`]) {
    parts.push(`<text x="${MARGIN}" y="${y}" font-size="13" fill="#666">${escapeXml(line)}</text>`);
    y += 22;
  }
  const height = Math.ceil(y + MARGIN);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" font-family="${PLEDGE_FONT_FAMILY}"><rect width="100%" height="100%" fill="#fff"/>${parts.join('')}</svg>`;
  await ready();
  const rendered = new Resvg(svg, { font: { fontBuffers: [pledgeFont()], defaultFontFamily: PLEDGE_FONT_FAMILY } }).render();
  const png = rendered.asPng();
  return new Uint8Array(png.buffer.slice(png.byteOffset, png.byteOffset + png.byteLength) as ArrayBuffer);
}
