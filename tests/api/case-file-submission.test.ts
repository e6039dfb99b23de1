import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { children, users, type SeededUser } from './support/seed-area.js';

/**
 * R7 (000 §五.7): the year's files go to the district by 31 January of the next year. The town's supervisor sends a
 * child's file (who, when, the SHA-256 of the PDF sent); one sent after 31 January Beijing time is marked late; the
 * district's officer follows N / M 已提交 by town with the deadline.
 */
let h: ApiHarness;
const submit = (as: SeededUser, childId: string, year = 2026) => h.call('POST', `/api/v1/case-files/${year}/children/${childId}`, { as });
const progress = (as: SeededUser, districtId = 'd1', year = 2026) => h.call('GET', `/api/v1/case-files/districts/${districtId}/${year}`, { as });

beforeAll(async () => {
  h = await startApiHarness();
}, 60_000);

describe('R7 the yearly submission', () => {
  it('records who sent a file, when, and the SHA-256 of the PDF sent; on 31 January Beijing time it is on time', async () => {
    // 23:59 on 31 January in Beijing.
    h.setNow('2027-01-31T15:59:00.000Z');
    const res = await submit('supervisorT1', children.a1.id);

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ childId: children.a1.id, year: 2026, submittedByName: '孙河口', submittedAt: '2027-01-31T15:59:00.000Z', late: false, deadline: '2027-01-31' });
    // The hash is of the PDF as the server draws it at that instant: the same export at the same instant has it.
    const token = await h.tokenFor('supervisorT1');
    const pdf = new Uint8Array(await (await h.app.request(`/api/v1/children/${children.a1.id}/file.pdf`, { headers: { authorization: `Bearer ${token}` } })).arrayBuffer());
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(res.body.pdfSha256);
    const audit = await h.table.repositories.audit.listByChild(children.a1.id, 20);
    expect(audit.some((e) => e.action === 'caseFile.submit' && e.actorId === users.supervisorT1.id && e.at === '2027-01-31T15:59:00.000Z')).toBe(true);
  });

  it('marks a file sent at 00:00 on 1 February Beijing time (16:00 UTC on 31 January) as late', async () => {
    h.setNow('2027-01-31T16:00:00.000Z');
    const res = await submit('supervisorT1', children.c1.id);

    expect(res.status).toBe(201);
    expect(res.body.late).toBe(true);
  });

  it('takes a file once per year (409 after)', async () => {
    expect((await submit('supervisorT1', children.a1.id)).status).toBe(409);
  });

  it.each([
    ['districtOfficer', 403],
    ['directorV3', 403],
    ['guardianB', 403],
    ['supervisorT1', 404],
  ] as const)('refuses %s sending b1’s file (%i)', async (who, status) => {
    expect((await submit(who, children.b1.id)).status).toBe(status);
  });

  it('refuses a year not yet begun, naming the field', async () => {
    h.setNow('2026-06-01T02:00:00.000Z');
    const res = await submit('supervisorT2', children.b1.id, 2027);
    expect(res.status).toBe(422);
    expect(JSON.stringify(res.body)).toContain('year');
  });

  it('shows the district officer N / M by town, the deadline, late ones, and overdue once it passed', async () => {
    h.setNow('2027-02-02T02:00:00.000Z');
    const res = await progress('districtOfficer');

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ district: { id: 'd1', name: '临江区' }, year: 2026, deadline: '2027-01-31', submitted: 2, late: 1, overdue: true });
    const t1 = res.body.towns.find((t: { townId: string }) => t.townId === 't1');
    const t2 = res.body.towns.find((t: { townId: string }) => t.townId === 't2');
    expect(t1).toMatchObject({ townName: '河口镇', submitted: 2, late: 1, total: 3 });
    expect(t2).toMatchObject({ townName: '山前镇', submitted: 0, total: 1 });
    expect(res.body.total).toBe(4);
  });

  it('is not overdue before the deadline, and the city officer reads it too', async () => {
    h.setNow('2027-01-10T02:00:00.000Z');
    const res = await progress('cityOfficer');
    expect(res.status).toBe(200);
    expect(res.body.overdue).toBe(false);
  });

  it.each([
    ['supervisorT1', 403],
    ['guardianA', 403],
  ] as const)('refuses %s the progress', async (who, status) => {
    expect((await progress(who)).status).toBe(status);
  });

  it('refuses another district’s officer', async () => {
    expect((await progress('districtOfficer', 'd2')).status).toBe(403);
  });

  it('refuses a bad year naming the field', async () => {
    const res = await progress('districtOfficer', 'd1', 1999);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('year');
  });
});
