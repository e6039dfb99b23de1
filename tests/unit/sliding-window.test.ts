import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeSlidingWindow, type WindowCounts } from '../../functions/src/store/sliding-window.js';

const windowMs = 60_000;

/** The counts one more attempt would see `waitMs` later, with nothing counted in between. */
function countsAfter({ previousCount, count, elapsedMs }: WindowCounts, waitMs: number): WindowCounts {
  const at = elapsedMs + waitMs;
  if (at < windowMs) return { previousCount, count: count + 1, elapsedMs: at, windowMs };
  if (at < 2 * windowMs) return { previousCount: count, count: 1, elapsedMs: at - windowMs, windowMs };
  return { previousCount: 0, count: 1, elapsedMs: at % windowMs, windowMs };
}

const refusedArb = fc
  .record({
    limit: fc.integer({ min: 1, max: 20 }),
    previousCount: fc.integer({ min: 0, max: 60 }),
    count: fc.integer({ min: 1, max: 60 }),
    elapsedMs: fc.integer({ min: 0, max: windowMs - 1 }),
  })
  .map(({ limit, ...counts }) => ({ limit, counts: { ...counts, windowMs } }))
  .filter(({ limit, counts }) => !judgeSlidingWindow(counts, limit).allowed);

describe('the sliding-window verdict', () => {
  it('tells a refused caller the shortest whole-second wait after which one more attempt passes', () => {
    fc.assert(
      fc.property(refusedArb, ({ limit, counts }) => {
        const { retryAfterSeconds } = judgeSlidingWindow(counts, limit);

        expect(retryAfterSeconds).toBeGreaterThanOrEqual(1);
        expect(judgeSlidingWindow(countsAfter(counts, retryAfterSeconds * 1000), limit).allowed).toBe(true);
        if (retryAfterSeconds > 1) {
          expect(judgeSlidingWindow(countsAfter(counts, (retryAfterSeconds - 1) * 1000), limit).allowed).toBe(false);
        }
      }),
    );
  });

  it('weighs the previous window by the part of it the sliding window still covers', () => {
    // 6 in the previous minute, 15 s into this one: 6 × 45/60 = 4.5, so 1 more fits and 2 do not.
    expect(judgeSlidingWindow({ previousCount: 6, count: 1, elapsedMs: 15_000, windowMs }, 6).allowed).toBe(true);
    expect(judgeSlidingWindow({ previousCount: 6, count: 2, elapsedMs: 15_000, windowMs }, 6).allowed).toBe(false);
  });
});
