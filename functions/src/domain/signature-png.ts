/**
 * Checks of a drawn signature sent as a PNG (issue 11, R8), before anything is stored: the bytes are a PNG (magic
 * bytes and an IHDR first), small (≤ 100 KB), of sane dimensions, and not blank. Pure: the caller inflates the image
 * data (node:zlib outside the domain) and passes the function in.
 */
export const SIGNATURE_MAX_BYTES = 100 * 1024;
export const SIGNATURE_MIN_SIDE = 50;
export const SIGNATURE_MAX_SIDE = 2000;
/** A signature is wider than tall; a 1×2000 strip or a 2000×2000 square is not one. */
export const SIGNATURE_MAX_RATIO = 8;

const PNG_MAGIC = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export type SignatureProblem = 'notPng' | 'tooLarge' | 'badDimensions' | 'unsupported' | 'blank';

export const signatureProblemMessages: Record<SignatureProblem, string> = {
  notPng: '签名须为 PNG 图片',
  tooLarge: `签名图片不能超过 ${SIGNATURE_MAX_BYTES / 1024} KB`,
  badDimensions: `签名图片尺寸不合理（边长 ${SIGNATURE_MIN_SIDE}–${SIGNATURE_MAX_SIDE} 像素）`,
  unsupported: '签名图片格式不受支持，请重新手写签名',
  blank: '签名为空白，请手写签名',
};

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
}

function u32(bytes: Uint8Array, at: number): number {
  return ((bytes[at] << 24) >>> 0) + (bytes[at + 1] << 16) + (bytes[at + 2] << 8) + bytes[at + 3];
}

function chunkType(bytes: Uint8Array, at: number): string {
  return String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
}

/** The IHDR of a PNG, or null if the bytes do not start like one. */
export function pngHeaderOf(bytes: Uint8Array): PngHeader | null {
  if (bytes.length < 33 || PNG_MAGIC.some((byte, i) => bytes[i] !== byte)) return null;
  if (u32(bytes, 8) !== 13 || chunkType(bytes, 12) !== 'IHDR') return null;
  return { width: u32(bytes, 16), height: u32(bytes, 20), bitDepth: bytes[24], colorType: bytes[25], interlace: bytes[28] };
}

/** The concatenated IDAT data, or null when the chunks run past the end. */
function idatOf(bytes: Uint8Array): Uint8Array | null {
  const parts: Uint8Array[] = [];
  let at = 8;
  while (at + 12 <= bytes.length) {
    const length = u32(bytes, at);
    const type = chunkType(bytes, at + 4);
    if (at + 12 + length > bytes.length) return null;
    if (type === 'IDAT') parts.push(bytes.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 4: 2, 6: 4 };

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/**
 * Whether every pixel is the same (fully transparent pixels counting as one colour): an untouched canvas, clear or
 * filled. Undoes the PNG row filters
 * (8-bit, non-interlaced only; the canvas of both platforms exports that).
 */
function isBlank(raw: Uint8Array, header: PngHeader): boolean {
  const channels = CHANNELS[header.colorType];
  const stride = header.width * channels;
  const hasAlpha = header.colorType === 4 || header.colorType === 6;
  let previous = new Uint8Array(stride);
  const transparent = new Uint8Array(channels);
  let first: Uint8Array | null = null;
  for (let y = 0; y < header.height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = new Uint8Array(stride);
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? row[x - channels] : 0;
      const b = previous[x];
      const c = x >= channels ? previous[x - channels] : 0;
      const predictor = filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : filter === 4 ? paeth(a, b, c) : 0;
      row[x] = (line[x] + predictor) & 0xff;
    }
    for (let x = 0; x < stride; x += channels) {
      // A fully transparent pixel is nothing drawn, whatever colour it carries.
      const pixel = hasAlpha && row[x + channels - 1] === 0 ? transparent : row.subarray(x, x + channels);
      if (first === null) first = pixel.slice();
      else if (pixel.some((value, i) => value !== first![i])) return false;
    }
    previous = row;
  }
  return true;
}

/**
 * Null when the bytes are an acceptable signature; else what is wrong. `inflate` undoes zlib (the IDAT stream) and
 * may throw on corrupt data.
 */
export function signatureProblemOf(bytes: Uint8Array, inflate: (data: Uint8Array) => Uint8Array): SignatureProblem | null {
  const header = pngHeaderOf(bytes);
  if (header === null) return 'notPng';
  if (bytes.length > SIGNATURE_MAX_BYTES) return 'tooLarge';
  const { width, height } = header;
  const sides = [width, height];
  if (sides.some((side) => side < SIGNATURE_MIN_SIDE || side > SIGNATURE_MAX_SIDE)) return 'badDimensions';
  if (Math.max(width, height) / Math.min(width, height) > SIGNATURE_MAX_RATIO) return 'badDimensions';
  if (header.bitDepth !== 8 || header.interlace !== 0 || CHANNELS[header.colorType] === undefined) return 'unsupported';
  const idat = idatOf(bytes);
  if (idat === null || idat.length === 0) return 'notPng';
  let raw: Uint8Array;
  try {
    raw = inflate(idat);
  } catch {
    return 'notPng';
  }
  if (raw.length < height * (width * CHANNELS[header.colorType] + 1)) return 'notPng';
  return isBlank(raw, header) ? 'blank' : null;
}
