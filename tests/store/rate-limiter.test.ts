import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RateLimiter } from '../../functions/src/store/ports.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { countRequests } from './request-counter.js';

let db: TestTable;
let limiter: RateLimiter;

beforeAll(async () => {
  db = await createTestTable('rate');
  limiter = db.repositories.rateLimiter;
});

// Fixed windows of 60 s start on the minute: 10:00:00 UTC is one boundary, 10:01:00 the next.
const minute = new Date('2026-11-23T10:00:00Z');
const at = (seconds: number) => new Date(minute.getTime() + seconds * 1000);

/** Primero's login limit: 6 a minute. */
const hit = (key: string, seconds: number) => limiter.hit(key, 6, 60, at(seconds));

async function hits(key: string, seconds: number[]) {
  const results = [];
  for (const s of seconds) results.push(await hit(key, s));
  return results;
}

describe('the login rate limiter (a sliding window over two fixed windows)', () => {
  it('allows 6 attempts in a minute and refuses the 7th, saying when to try again', async () => {
    // Act
    const allowed = await hits('login:six', [0, 1, 2, 3, 4, 5]);
    const seventh = await hit('login:six', 45);

    // Assess
    expect(allowed.every((r) => r.allowed && r.retryAfterSeconds === 0)).toBe(true);
    // 7 counted in this minute; t seconds into the next they weigh 7 × (1 − t/60), and one more fits once t ≥ 120/7.
    expect(seventh).toEqual({ allowed: false, retryAfterSeconds: 15 + 18 });
  });

  it('refuses a burst that straddles a minute boundary', async () => {
    // Act: 6 in the last seconds of one fixed window, then more in the first seconds of the next
    const before = await hits('login:straddle', [57, 58, 58, 59, 59, 59]);
    const after = await hits('login:straddle', [60, 61, 62]);

    // Assess
    expect(before.every((r) => r.allowed)).toBe(true);
    expect(after.map((r) => r.allowed)).toEqual([false, false, false]);
  });

  it('lets the key in again once Retry-After has passed, and forgets it after two windows', async () => {
    // Prepare: the 6 allowed at the end of the minute, the 7th refused just after it
    await hits('login:later', [54, 55, 56, 57, 58, 59]);
    const refused = await hit('login:later', 61);
    expect(refused.allowed).toBe(false);

    // Act
    const retried = await hit('login:later', 61 + refused.retryAfterSeconds);
    const longAfter = await hits('login:later', [180, 180, 180, 180, 180, 180]);

    // Assess: 6 × (1 − 20/60) + 2 = 6 at 1:20; two minutes on, the earlier windows weigh nothing
    expect(refused.retryAfterSeconds).toBe(19);
    expect(retried).toEqual({ allowed: true, retryAfterSeconds: 0 });
    expect(longAfter.every((r) => r.allowed)).toBe(true);
    expect((await hit('login:later', 181)).allowed).toBe(false);
  });

  it('counts each key apart', async () => {
    // Prepare
    await limiter.hit('login:a', 1, 60, at(0));

    // Act
    const other = await limiter.hit('login:b', 1, 60, at(1));

    // Assess
    expect(other.allowed).toBe(true);
  });

  it('counts concurrent attempts atomically: exactly `limit` of them pass', async () => {
    // Act
    const results = await Promise.all(Array.from({ length: 20 }, () => hit('login:burst', 5)));

    // Assess
    expect(results.filter((r) => r.allowed)).toHaveLength(6);
  });

  it('keeps the previous window when many instances move the window on at once', async () => {
    // Prepare: 4 in the first minute
    await hits('login:race', [10, 20, 30, 40]);

    // Act: 20 at once half-way through the next minute, where the first minute weighs 4 × 0.5 = 2
    const results = await Promise.all(Array.from({ length: 20 }, () => hit('login:race', 90)));

    // Assess
    expect(results.filter((r) => r.allowed)).toHaveLength(4);
  });

  it('counts in the newer window when another instance, with its clock ahead, already moved it on', async () => {
    // Prepare: the limit reached just after the boundary
    await hits('login:skew', [60, 60, 60, 60, 60, 60]);

    // Act: an instance whose clock is a second behind still thinks it is the first minute
    const lagging = await hit('login:skew', 59);

    // Assess
    expect(lagging.allowed).toBe(false);
  });

  it('keeps one item per key, marked for TTL removal once neither window counts', async () => {
    // Act
    await hit('login:ttl', 10);
    await hit('login:ttl', 70);

    // Assess
    const { Items } = await db.client.send(
      new QueryCommand({
        TableName: db.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'RATE#login:ttl' },
        ConsistentRead: true,
      }),
    );
    const windowStart = minute.getTime() / 1000 + 60;
    expect(Items).toHaveLength(1);
    expect(Items![0]).toMatchObject({ count: 1, previousCount: 1, expiresAt: windowStart + 120, entity: 'rateLimitWindow' });
  });

  it('costs one request in an ongoing window and two for the first attempt of a new one', async () => {
    // Prepare
    const counter = countRequests(db.client);

    // Act
    await hit('login:cost', 0);
    const first = counter.records.length;
    await hit('login:cost', 1);
    counter.stop();

    // Assess: the refused condition of the first attempt, then the write that starts the window
    expect(counter.records.slice(0, first).map((r) => [r.command, r.failed])).toEqual([
      ['UpdateItem', true],
      ['UpdateItem', false],
    ]);
    expect(counter.records.slice(first).map((r) => [r.command, r.failed])).toEqual([['UpdateItem', false]]);
  });
});
