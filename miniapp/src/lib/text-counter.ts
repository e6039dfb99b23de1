/** Near the limit means this share of it: far enough ahead to slow down, late enough not to distract. */
const NEAR_SHARE = 0.9;

/**
 * `3612/4000` once a field is near its limit, else null (issue 7, B5). Counted in UTF-16 units, as the input's own
 * maxlength stops typing: never fewer than the server's code points, so what the field holds is always accepted.
 */
export function counterText(value: string, limit: number): string | null {
  return value.length >= Math.floor(limit * NEAR_SHARE) ? `${value.length}/${limit}` : null;
}
