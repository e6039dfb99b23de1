import { describe, expect, it } from 'vitest';
import {
  classifyFailure,
  FIRST_RETRY_DELAY_MS,
  MAX_RETRY_DELAY_MS,
  parseStoredQueue,
  recoverInterrupted,
  retryDelayAfter,
} from '../../miniapp/src/lib/queued-check-in.js';
import { createUuid } from '../../miniapp/src/lib/uuid.js';

describe('retry rules of the queue', () => {
  it.each([
    [0, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
    [409, 'retry'],
    [429, 'retry'],
    [401, 'unauthorized'],
    [400, 'refused'],
    [403, 'refused'],
    [404, 'refused'],
    [422, 'refused'],
  ] as const)('status %i → %s', (status, kind) => {
    expect(classifyFailure({ status })).toBe(kind);
  });

  it('doubles the longest wait after each failure, up to a ceiling', () => {
    const longest = (attempts: number) => retryDelayAfter(attempts, () => 1);
    expect([1, 2, 3].map(longest)).toEqual([FIRST_RETRY_DELAY_MS, 2 * FIRST_RETRY_DELAY_MS, 4 * FIRST_RETRY_DELAY_MS]);
    expect(longest(30)).toBe(MAX_RETRY_DELAY_MS);
  });

  it('waits a random time between half the ceiling and all of it, so phones do not all call at once (jitter)', () => {
    expect(retryDelayAfter(1, () => 0)).toBe(FIRST_RETRY_DELAY_MS / 2);
    expect(retryDelayAfter(3, () => 0.5)).toBe(3 * FIRST_RETRY_DELAY_MS);
    expect(retryDelayAfter(30, () => 0)).toBe(MAX_RETRY_DELAY_MS / 2);

    const waits = Array.from({ length: 200 }, () => retryDelayAfter(2));
    for (const wait of waits) {
      expect(wait).toBeGreaterThanOrEqual(FIRST_RETRY_DELAY_MS);
      expect(wait).toBeLessThanOrEqual(2 * FIRST_RETRY_DELAY_MS);
    }
    expect(new Set(waits).size).toBeGreaterThan(50);
  });

  it('makes version 4 UUIDs, distinct each time, with or without crypto', () => {
    const keys = new Set(Array.from({ length: 200 }, () => createUuid()));
    expect(keys.size).toBe(200);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(createUuid((bytes) => bytes.fill(0))).toBe('00000000-0000-4000-8000-000000000000');
  });
});

describe('queued check-ins in storage', () => {
  const item = { key: 'k1', userId: 'u1', childId: 'c1', input: { kind: 'homeVisit' }, state: 'sending' };

  it('fills what an older version did not store, and keeps the state as stored', () => {
    expect(parseStoredQueue([item])).toEqual([
      { ...item, childName: '', createdAt: '', attempts: 0, retryAt: null, problem: null },
    ]);
  });

  it('turns 上传中 back into 待上传 at start-up only', () => {
    const [parsed] = parseStoredQueue(JSON.stringify([item]));
    expect(recoverInterrupted([parsed]).map((i) => i.state)).toEqual(['pending']);
    expect(recoverInterrupted([{ ...parsed, state: 'failed' }]).map((i) => i.state)).toEqual(['failed']);
  });
});
