/**
 * R12's photos of a held session: a phone photo compressed by the client to a JPEG (or a PNG screenshot), each stored
 * as its own item well under DynamoDB's 400 KB item limit. The type is decided by the file's first bytes, never by
 * what the client says it is.
 */
export const MAX_PHOTO_BYTES = 300 * 1024;

export type PhotoType = 'image/jpeg' | 'image/png';

const JPEG = [0xff, 0xd8, 0xff];
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte);
}

/** The image type by its magic bytes; null when it is neither a JPEG nor a PNG. */
export function photoTypeOf(bytes: Uint8Array): PhotoType | null {
  if (startsWith(bytes, JPEG)) return 'image/jpeg';
  if (startsWith(bytes, PNG)) return 'image/png';
  return null;
}

/** Why a photo is refused, in the words shown; null when it is accepted. */
export function photoProblemOf(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return '照片为空';
  if (bytes.length > MAX_PHOTO_BYTES) return `照片不能超过 ${MAX_PHOTO_BYTES / 1024} KB，请压缩后再上传`;
  if (photoTypeOf(bytes) === null) return '照片须为 JPEG 或 PNG 图片';
  return null;
}
