/**
 * A version 4 UUID for idempotency keys. WeChat's JS engine has no `crypto.randomUUID`; where the platform offers
 * `crypto.getRandomValues` it is used, otherwise Math.random. A key only has to be unique among one user's
 * check-ins (the server scopes keys by user), which either source gives.
 */
export function createUuid(fillRandom: (bytes: Uint8Array) => void = fillRandomBytes): string {
  const bytes = new Uint8Array(16);
  fillRandom(bytes);
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function fillRandomBytes(bytes: Uint8Array): void {
  const crypto = (globalThis as { crypto?: { getRandomValues?: (b: Uint8Array) => Uint8Array } }).crypto;
  if (crypto?.getRandomValues) {
    crypto.getRandomValues(bytes);
    return;
  }
  for (let i = 0; i < bytes.length; i += 1) bytes[i] = Math.floor(Math.random() * 256);
}
