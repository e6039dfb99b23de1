import { beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { children, users } from './support/seed-area.js';

/**
 * A measurement, reported and not asserted: GET /api/v1/children/{id} in process on DynamoDB Local, each request
 * doing what production does (verify the token, read the user, read the child, write the audit entry). What is
 * asserted is that every request succeeded and left its audit entry.
 */
const REQUESTS = 200;

let h: ApiHarness;
let token: string;

beforeAll(async () => {
  h = await startApiHarness();
  token = await h.tokenFor('directorV1');
});

async function measure(concurrency: number) {
  const path = `/api/v1/children/${children.a1.id}`;
  const statuses: number[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < REQUESTS) {
        next += 1;
        statuses.push((await h.call('GET', path, { token })).status);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { statuses, perSecond: Math.round(REQUESTS / seconds), meanMs: Math.round((seconds * 1000 * concurrency) / REQUESTS) };
}

describe('read throughput on DynamoDB Local (reported, not asserted)', () => {
  it.each([1, 4])('GET /children/{id} with %i request(s) in flight', async (concurrency) => {
    const before = (await h.table.repositories.audit.listByActor(users.directorV1.id, 1000)).length;

    const result = await measure(concurrency);

    console.info(`GET /api/v1/children/{id}, ${REQUESTS} requests, concurrency ${concurrency}: ${result.perSecond} req/s, mean ${result.meanMs} ms`);
    expect(result.statuses).toEqual(Array(REQUESTS).fill(200));
    const after = (await h.table.repositories.audit.listByActor(users.directorV1.id, 1000)).length;
    expect(after - before).toBe(REQUESTS);
  });
});
