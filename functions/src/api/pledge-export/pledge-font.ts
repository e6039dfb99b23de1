import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The CJK font the signed pledge is drawn with: Noto Sans SC (OpenType, the full simplified-Chinese set, SIL OFL) from
 * `@embedpdf/fonts-sc`. The PDF embeds only the glyphs used (pdfkit subsets). In the Lambda the bundle carries no
 * node_modules: the stack copies the file beside the bundle (`fonts/`), or SHOUHU_PLEDGE_FONT names it.
 */
const FONT_FILE = 'NotoSansHans-Regular.otf';

function candidates(): string[] {
  const here = dirname(fileURLToPath(import.meta.url));
  const found: string[] = [];
  if (process.env.SHOUHU_PLEDGE_FONT) found.push(process.env.SHOUHU_PLEDGE_FONT);
  found.push(join(here, 'fonts', FONT_FILE));
  try {
    // The package exports only its index (dist/); the fonts sit beside dist/.
    found.push(join(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc')), '..', 'fonts', FONT_FILE));
  } catch {
    // Not installed beside this file (a bundle): the copies above are the way.
  }
  return found;
}

let cached: Buffer | null = null;

/** Where the font file is (the image renderer loads it by path). */
export function pledgeFontPath(): string {
  const path = candidates().find((candidate) => existsSync(candidate));
  if (!path) throw new Error(`pledge font ${FONT_FILE} not found`);
  return path;
}

/** The font's bytes, read once per container. */
export function pledgeFont(): Buffer {
  cached ??= readFileSync(pledgeFontPath());
  return cached;
}

/** The font's family name, as SVG text asks for it. */
export const PLEDGE_FONT_FAMILY = 'Noto Sans Hans';
