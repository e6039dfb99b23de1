import { beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { children, users, type SeededUser } from './support/seed-area.js';

/**
 * Issue 12 part 5: who has seen this child. Supervisors and officers read the child's trail (name, Chinese role,
 * time, what in words, never codes), newest first and paged; directors, workers and guardians do not; reading the
 * trail is itself recorded.
 */
let h: ApiHarness;
const A1 = children.a1.id;
const trail = (as: SeededUser, query = '') => h.call('GET', `/api/v1/children/${A1}/access-trail${query}`, { as });

beforeAll(async () => {
  h = await startApiHarness();
  h.setNow('2026-04-05T01:00:00.000Z');
  expect((await h.call('GET', `/api/v1/children/${A1}`, { as: 'directorV1' })).status).toBe(200);
  h.setNow('2026-04-05T02:00:00.000Z');
  expect((await h.call('GET', `/api/v1/children/${A1}/file.pdf`, { as: 'districtOfficer' })).status).toBe(200);
}, 60_000);

describe('part 5: the read and export trail', () => {
  it('shows the supervisor who read and exported, by name, Chinese role and words, newest first, her own look on top', async () => {
    h.setNow('2026-04-05T03:00:00.000Z');
    const res = await trail('supervisorT1');

    expect(res.status).toBe(200);
    const [own, exported, read] = res.body.items;
    expect(own).toEqual({ at: '2026-04-05T03:00:00.000Z', name: '孙河口', roleName: '儿童督导员', what: '查看访问记录', refused: false });
    expect(exported).toEqual({ at: '2026-04-05T02:00:00.000Z', name: '褚区局', roleName: '区民政局', what: '导出PDF', refused: false });
    expect(read).toEqual({ at: '2026-04-05T01:00:00.000Z', name: '张东湾', roleName: '儿童主任', what: '查看档案', refused: false });
    expect(JSON.stringify(res.body)).not.toMatch(/caseFile\.|child\.read|u-district|u-director/);
  });

  it('pages newest first with a cursor, nothing repeated', async () => {
    // Each look is itself recorded: a minute apart, so the second look's own entry is newer than the first page and
    // two entries alike in every shown field (same person, same minute) cannot pass for a repeat.
    h.setNow('2026-04-05T03:01:00.000Z');
    const first = await trail('districtOfficer', '?limit=2');
    h.setNow('2026-04-05T03:02:00.000Z');
    const second = await trail('districtOfficer', `?limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`);

    expect(first.body.items).toHaveLength(2);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const times = [...first.body.items, ...second.body.items].map((e: { at: string }) => e.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(second.body.items[0]).not.toEqual(first.body.items[1]);
    expect(second.body.items.map((e: { what: string }) => e.what)).toEqual(['导出PDF', '查看档案']);
  });

  it.each([
    ['directorV1', 403],
    ['socialWorkerPledged', 403],
    ['guardianA', 403],
    ['volunteer', 404],
    ['supervisorT2', 404],
  ] as const)('refuses %s with %i', async (who, status) => {
    expect((await trail(who)).status).toBe(status);
  });

  it('records each reading of the trail', async () => {
    const entries = await h.table.repositories.audit.listByChild(A1, 50);
    expect(entries.filter((e) => e.action === 'caseFile.trail' && e.actorId === users.supervisorT1.id && e.outcome === 'allowed')).toHaveLength(1);
    expect(entries.some((e) => e.action === 'caseFile.trail' && e.actorId === users.directorV1.id && e.outcome === 'denied')).toBe(true);
  });

  it('refuses a bad page size naming the field', async () => {
    const res = await trail('supervisorT1', '?limit=0');
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('limit');
  });
});

describe('issue 12 routes in the OpenAPI document', () => {
  it('lists the file exports, the trail and the submission routes', async () => {
    const doc = JSON.parse((await h.call('GET', '/api/v1/openapi.json')).text);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/children/{id}/file.pdf',
        '/api/v1/children/{id}/file.zip',
        '/api/v1/children/{id}/access-trail',
        '/api/v1/case-files/{year}/children/{childId}',
        '/api/v1/case-files/districts/{districtId}/{year}',
      ]),
    );
  });
});
