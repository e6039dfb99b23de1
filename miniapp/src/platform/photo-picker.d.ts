/**
 * R12: one photo of a held session, chosen from the album or taken now, compressed on the phone to a JPEG of at most
 * `maxBytes` (the server refuses bigger ones), as base64; null when the user chose none. Throws when the photo cannot
 * be made small enough.
 */
export declare function pickCompressedPhoto(maxBytes: number): Promise<string | null>;
