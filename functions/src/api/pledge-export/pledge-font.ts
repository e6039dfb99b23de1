import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The files the signed pledge's documents are drawn with, found on disk:
 * - the CJK font, Noto Sans SC (OpenType, the full simplified-Chinese set, SIL OFL) from `@embedpdf/fonts-sc`; the
 *   PDF embeds only the glyphs used (pdfkit subsets);
 * - resvg's WebAssembly (the image renderer), from `@resvg/resvg-wasm`: no native binary, so the same on x64 and on
 *   the Lambda's arm64.
 * In the Lambda the bundle carries no node_modules: the stack copies both files beside the bundle (infra's
 * bundled-function.ts), or SHOUHU_PLEDGE_ASSETS names a folder holding them.
 */
const FONT_FILE = 'NotoSansHans-Regular.otf';
const WASM_FILE = 'index_bg.wasm';

// Not named `require`: the Lambda bundle's banner declares that name at the top of the bundle.
const resolveHere = createRequire(import.meta.url);

function installed(resolve: () => string): string[] {
  try {
    return [resolve()];
  } catch {
    return []; // Not installed beside this file (a bundle): the copies beside the bundle are the way.
  }
}

function firstExisting(file: string, fromPackage: () => string): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [
    ...(process.env.SHOUHU_PLEDGE_ASSETS ? [join(process.env.SHOUHU_PLEDGE_ASSETS, file)] : []),
    join(here, file),
    ...installed(fromPackage),
  ];
  const path = candidates.find((candidate) => existsSync(candidate));
  if (!path) throw new Error(`pledge asset ${file} not found`);
  return path;
}

// The font package exports only its index (dist/); the fonts sit beside dist/.
const fontPath = () => firstExisting(FONT_FILE, () => join(dirname(resolveHere.resolve('@embedpdf/fonts-sc')), '..', 'fonts', FONT_FILE));
const wasmPath = () => firstExisting(WASM_FILE, () => resolveHere.resolve('@resvg/resvg-wasm/index_bg.wasm'));

let font: Buffer | null = null;
let wasm: Buffer | null = null;

/** The font's bytes, read once per container. */
export function pledgeFont(): Buffer {
  font ??= readFileSync(fontPath());
  return font;
}

/** resvg's WebAssembly, read once per container. */
export function resvgWasm(): Buffer {
  wasm ??= readFileSync(wasmPath());
  return wasm;
}

/** The font's family name, as SVG text asks for it. */
export const PLEDGE_FONT_FAMILY = 'Noto Sans Hans';

/** The files infra copies beside the API bundle, by the package that ships each. */
export const PLEDGE_ASSET_FILES = { font: FONT_FILE, wasm: WASM_FILE } as const;
