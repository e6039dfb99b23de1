import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/** PNGs made in the test (RGBA, 8-bit, filter 0 rows), to send as drawn signatures: a stroke, a blank, noise. */
const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

type Pixel = readonly [number, number, number, number];

/** `row` may give a row already filtered (its filter type and bytes), in place of the pixels of filter 0. */
export function pngOf(width: number, height: number, pixel: (x: number, y: number) => Pixel, row?: (y: number) => { filter: number; bytes: Uint8Array }): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) {
    const start = y * (width * 4 + 1);
    if (row) {
      const { filter, bytes } = row(y);
      raw[start] = filter;
      raw.set(bytes, start + 1);
      continue;
    }
    raw[start] = 0;
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), start + 1 + x * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const INK: Pixel = [20, 20, 20, 255];
const CLEAR: Pixel = [0, 0, 0, 0];

/** A 300×120 transparent canvas with a wavy stroke across it: what a signature pad exports. */
export function drawnSignature(): Buffer {
  return pngOf(300, 120, (x, y) => (Math.abs(y - (60 + 30 * Math.sin(x / 20))) < 3 ? INK : CLEAR));
}

/** The same canvas untouched. */
export function blankSignature(): Buffer {
  return pngOf(300, 120, () => CLEAR);
}

/** A white canvas untouched (a pad that fills its background). */
export function whiteSignature(): Buffer {
  return pngOf(300, 120, () => [255, 255, 255, 255]);
}

/** Noise that does not compress: 160×161 RGBA is just over 100 KB, yet under the schema's base64 length. */
export function noisySignature(width = 160, height = 161): Buffer {
  const noise = randomBytes(width * height * 4);
  return pngOf(width, height, (x, y) => {
    const at = (y * width + x) * 4;
    return [noise[at], noise[at + 1], noise[at + 2], noise[at + 3]];
  });
}
