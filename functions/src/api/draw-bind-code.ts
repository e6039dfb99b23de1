import { randomInt } from 'node:crypto';

/** Six digits from the CSPRNG, leading zeros kept: a code must not be predictable from the ones shown before. */
export function drawBindCode(): string {
  return String(randomInt(0, 1_000_000)).padStart(6, '0');
}
