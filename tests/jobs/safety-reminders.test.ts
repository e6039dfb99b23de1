import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createRuntime } from '../../functions/src/compose/runtime.js';
import type { InboxMessage } from '../../functions/src/domain/inbox.js';
import { createDocumentClient } from '../../functions/src/store/client.js';
import { startApiHarness, type ApiHarness } from '../api/support/api-harness.js';
import { users, type SeededUser } from '../api/support/seed-area.js';
import { countReads } from '../support/read-counter.js';

/**
 * R12 in the reminder sweep (issue 11 part 3): on 28 December 2026 (Beijing) the fourth quarter's last weeks, the
 * year's last weeks and the four weeks before the winter vacation of 23 January 2027 have begun, so what R12 still
 * demands of a town, its villages and its schools falls due: the town's supervisors are told how many items, a
 * village's director how many of their village's. In town t1 the town's quarter and village v1's two topics were held;
 * v2's two topics and the school's pre-vacation session were not.
 */
const scheduledTime = '2026-12-28T00:00:00Z';
const today = '2026-12-28';
const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(1000, 7)]).toString('base64');

let h: ApiHarness;
const inboxOf = (userId: string): Promise<InboxMessage[]> => h.table.repositories.inbox.list([{ kind: 'user', userId }], 50);

async function held(as: SeededUser, audience: { kind: string; id: string }, topics: string[], date: string) {
  h.setNow(`${date}T02:00:00.000Z`);
  const planned = await h.call('POST', '/api/v1/safety/sessions', { as, json: { topics, date, place: '会议室', audience } });
  expect(planned.status).toBe(201);
  const res = await h.call('POST', `/api/v1/safety/sessions/${planned.body.id}/held`, { as, json: { version: 1, attendance: 25, photos: [jpeg] } });
  expect(res.status).toBe(200);
}

function remindersBody(client = h.table.client) {
  return createRuntime({ tableName: h.table.tableName, client }).jobRunner.bodies.reminders!;
}

beforeAll(async () => {
  h = await startApiHarness();
  await h.table.repositories.schools.create({ id: 'sch1', name: '河口中心小学', townId: 't1', districtId: 'd1' });
  await held('supervisorT1', { kind: 'town', id: 't1' }, ['fire', 'traffic'], '2026-11-05');
  await held('directorV1', { kind: 'village', id: 'v1' }, ['drowning', 'bullying'], '2026-06-10');
}, 60_000);

describe('the reminder sweep with R12', () => {
  it("tells t1's supervisor of 3 items falling due and v2's director of their village's 2; v1's director of none", async () => {
    // Act
    await remindersBody()({ kind: 'day', date: today }, new Date(scheduledTime));
    // Assess
    const supervisor = (await inboxOf(users.supervisorT1.id)).filter((message) => message.kind === 'supervisorDigest');
    expect(supervisor).toHaveLength(1);
    expect(supervisor[0].digest).toMatchObject({ date: today, safetyDue: 3 });
    expect(supervisor[0].text).toContain('3 项安全教育（R12）临近期限尚未开展');
    const directorV2 = (await inboxOf(users.directorV2.id)).filter((message) => message.kind === 'dueDigest');
    expect(directorV2).toHaveLength(1);
    expect(directorV2[0].digest).toMatchObject({ safetyDue: 2 });
    expect(directorV2[0].text).toContain('本村 2 项安全教育（R12）');
    const directorV1 = (await inboxOf(users.directorV1.id)).filter((message) => message.kind === 'dueDigest');
    expect(directorV1.every((message) => (message.digest as { safetyDue?: number }).safetyDue === undefined)).toBe(true);
    // t2 held nothing: its quarter and its village v3's two topics (no school) are due.
    const supervisorT2 = (await inboxOf(users.supervisorT2.id)).filter((message) => message.kind === 'supervisorDigest');
    expect(supervisorT2[0].digest).toMatchObject({ safetyDue: 3 });
  });

  it("reads the same requests however many sessions a town holds, one more per village that falls due (its directors)", async () => {
    // Prepare: a client of its own that counts what it reads.
    const client = createDocumentClient({ endpoint: inject('dynamoEndpoint') });
    const reads = countReads(client);
    await remindersBody(client)({ kind: 'day', date: '2026-12-29' }, new Date('2026-12-29T00:00:00Z'));
    const before = reads.count().calls;
    // v2's two topics held: one village fewer falls due; ten more of t1's own sessions held.
    await held('directorV2', { kind: 'village', id: 'v2' }, ['drowning', 'bullying'], '2026-12-01');
    for (let i = 0; i < 10; i += 1) await held('supervisorT1', { kind: 'town', id: 't1' }, ['fire'], '2026-12-02');
    reads.reset();
    // Act
    await remindersBody(client)({ kind: 'day', date: '2026-12-30' }, new Date('2026-12-30T00:00:00Z'));
    // Assess: the one read of v2's directors is gone; nothing grew with the sessions.
    expect(reads.count().calls).toBe(before - 1);
  });

  it('reads nothing of R12 on a day nothing can fall due (10 April): the sweep reads what it read before R12', async () => {
    const client = createDocumentClient({ endpoint: inject('dynamoEndpoint') });
    const reads = countReads(client);
    let queriedSessions = 0;
    client.middlewareStack.add(
      (next) => async (args) => {
        const input = args.input as { ExpressionAttributeValues?: Record<string, unknown> };
        if (String(input.ExpressionAttributeValues?.[':p'] ?? '').startsWith('SAFETY#') || String(input.ExpressionAttributeValues?.[':p'] ?? '').startsWith('SCHOOLS#')) queriedSessions += 1;
        return next(args);
      },
      { step: 'initialize', name: 'countSafetyQueries' },
    );
    await remindersBody(client)({ kind: 'day', date: '2027-04-10' }, new Date('2027-04-10T00:00:00Z'));
    expect(reads.count().calls).toBeGreaterThan(0);
    expect(queriedSessions).toBe(0);
  });
});
