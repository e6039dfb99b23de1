import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { rateLimitWindowKey } from '../../functions/src/store/keys.js';
import type { RateLimiter } from '../../functions/src/store/ports.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';

let db: TestTable;
let limiter: RateLimiter;

beforeAll(async () => {
  db = await createTestTable('rate');
  limiter = db.repositories.rateLimiter;
});

// A 60-second window starting at 10:00:00 UTC; 10:00:45 is 15 s before it ends.
const windowStart = new Date('2026-11-23T10:00:00Z');
const at = (seconds: number) => new Date(windowStart.getTime() + seconds * 1000);

describe('the login rate limiter', () => {
  it('allows up to the limit in one window and blocks past it until the window ends', async () => {
    // Prepare
    const key = 'login:wx-code:1.2.3.4';

    // Act
    const allowed = [];
    for (let i = 0; i < 6; i++) allowed.push(await limiter.hit(key, 6, 60, at(i)));
    const blocked = await limiter.hit(key, 6, 60, at(45));

    // Assess
    expect(allowed.every((r) => r.allowed && r.retryAfterSeconds === 0)).toBe(true);
    expect(blocked).toEqual({ allowed: false, retryAfterSeconds: 15 });
  });

  it('starts counting afresh in the next window', async () => {
    // Prepare
    const key = 'login:reset';
    for (let i = 0; i < 3; i++) await limiter.hit(key, 2, 60, at(i));

    // Act
    const nextWindow = await limiter.hit(key, 2, 60, at(60));

    // Assess
    expect(nextWindow).toEqual({ allowed: true, retryAfterSeconds: 0 });
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
    const results = await Promise.all(Array.from({ length: 20 }, () => limiter.hit('login:burst', 6, 60, at(5))));

    // Assess
    expect(results.filter((r) => r.allowed)).toHaveLength(6);
  });

  it('marks the window item for TTL removal after the window has ended', async () => {
    // Act
    await limiter.hit('login:ttl', 5, 60, at(10));

    // Assess
    const windowSeconds = windowStart.getTime() / 1000;
    const { Item } = await db.client.send(
      new GetCommand({ TableName: db.tableName, Key: rateLimitWindowKey('login:ttl', windowSeconds) }),
    );
    expect(Item?.count).toBe(1);
    expect(Item?.expiresAt).toBeGreaterThanOrEqual(windowSeconds + 60);
  });
});
