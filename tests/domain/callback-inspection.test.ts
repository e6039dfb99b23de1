import { describe, expect, it } from 'vitest';
import {
  callbackDisagrees,
  drawSample,
  drawSampleInputSchema,
  isPastMonth,
  previousMonth,
  SAMPLE_SIZE,
  seedFrom,
  summarizeSample,
} from '../../functions/src/domain/callback-inspection.js';

/** Seed 000 §六(一): the callback sample, random but reproducible from the seed the officer sees. */
const candidates = Array.from({ length: 40 }, (_, i) => `child-${String(i).padStart(2, '0')}`);

describe('last month, in Beijing time', () => {
  it.each([
    ['2026-12-01T00:30:00+08:00 (30 Nov 16:30 UTC)', '2026-11-30T16:30:00Z', '2026-11'],
    ['2026-11-30T23:59:00+08:00 (still November)', '2026-11-30T15:59:00Z', '2026-10'],
    ['January rolls back to the last December', '2027-01-05T02:00:00Z', '2026-12'],
    ['1 January 00:00 Beijing is already January', '2026-12-31T16:00:00Z', '2026-12'],
  ])('%s', (_, now, month) => {
    expect(previousMonth(new Date(now))).toBe(month);
  });

  it('only a month already over may be checked', () => {
    const now = new Date('2026-11-30T16:30:00Z');
    expect(isPastMonth('2026-11', now)).toBe(true);
    expect(isPastMonth('2026-12', now)).toBe(false);
  });
});

describe('the draw', () => {
  it('gives the same sample for the same seed and month, whatever order the candidates came in', () => {
    const first = drawSample(candidates, '482913', '2026-11', 10);
    const again = drawSample([...candidates].reverse(), '482913', '2026-11', 10);
    expect(again).toEqual(first);
    expect(new Set(first).size).toBe(10);
    expect(first.every((id) => candidates.includes(id))).toBe(true);
  });

  it('gives another sample for another seed, and for the same seed in another month', () => {
    const first = drawSample(candidates, '482913', '2026-11', 10);
    expect(drawSample(candidates, '000001', '2026-11', 10)).not.toEqual(first);
    expect(drawSample(candidates, '482913', '2026-10', 10)).not.toEqual(first);
  });

  it('takes everyone when fewer families than the size were visited, and nobody from none', () => {
    expect(drawSample(candidates.slice(0, 3), '482913', '2026-11', 10).sort()).toEqual(candidates.slice(0, 3));
    expect(drawSample([], '482913', '2026-11', 10)).toEqual([]);
  });

  it('spreads over the candidates: over many seeds every family gets drawn', () => {
    const seen = new Set<string>();
    for (let seed = 0; seed < 200; seed += 1) drawSample(candidates, String(seed).padStart(6, '0'), '2026-11', 5).forEach((id) => seen.add(id));
    expect(seen.size).toBe(candidates.length);
  });

  it('a new seed is six digits', () => {
    expect(seedFrom('0f3a9c2e71d44b0b')).toMatch(/^\d{6}$/);
  });
});

describe('sample size bounds', () => {
  it.each([
    [{}, SAMPLE_SIZE.default, true],
    [{ size: 1 }, 1, true],
    [{ size: 30 }, 30, true],
    [{ size: 0 }, null, false],
    [{ size: 31 }, null, false],
    [{ size: 2.5 }, null, false],
    [{ seed: '12345' }, null, false],
  ])('%j', (input, size, ok) => {
    const parsed = drawSampleInputSchema.safeParse(input);
    expect(parsed.success).toBe(ok);
    if (ok && parsed.success) expect(parsed.data.size).toBe(size);
  });
});

describe('callbacks beside the guardian’s answers in the app', () => {
  it.each([
    ['confirmed on the phone, disputed in the app', 'confirmed', { confirmed: 0, disputed: 1, unanswered: 0 }, true],
    ['denied on the phone, confirmed in the app', 'notConfirmed', { confirmed: 1, disputed: 0, unanswered: 0 }, true],
    ['confirmed both ways', 'confirmed', { confirmed: 2, disputed: 0, unanswered: 0 }, false],
    ['denied on the phone, unanswered in the app', 'notConfirmed', { confirmed: 0, disputed: 0, unanswered: 1 }, false],
    ['unreachable', 'unreachable', { confirmed: 0, disputed: 1, unanswered: 0 }, false],
    ['not yet called', null, { confirmed: 0, disputed: 1, unanswered: 0 }, false],
  ] as const)('%s', (_, outcome, app, disagrees) => {
    expect(callbackDisagrees(outcome, app)).toBe(disagrees);
  });

  it('sums a sample: called, confirmed among those reached, disagreements', () => {
    const app = { confirmed: 1, disputed: 0, unanswered: 0 };
    const summary = summarizeSample(5, [
      { outcome: 'confirmed', app },
      { outcome: 'confirmed', app },
      { outcome: 'notConfirmed', app },
      { outcome: 'unreachable', app },
      { outcome: null, app },
    ]);
    expect(summary).toEqual({ drawn: 5, called: 4, confirmed: 2, notConfirmed: 1, unreachable: 1, confirmedPercent: 67, disagreements: 1 });
  });
});
