import { beforeEach, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { children } from './support/seed-area.js';

/** Issue 8, parts 1 and 3: concern reports through the API, signed in and public, their queues, steps and status. */
let h: ApiHarness;
beforeEach(async () => {
  h = await startApiHarness();
});

let keyCount = 0;
const newKey = () => `report-key-${(keyCount += 1)}-${Date.now()}`;

const publicReport = {
  childDescription: '约8岁的男孩，常在村口小卖部',
  villageId: 'v1',
  kinds: ['leftAloneAtHome'],
  urgent: true,
  description: '连续三个晚上一个人在家，没有大人',
};

function reportPublicly(body: unknown = publicReport, key = newKey(), remoteAddress = '203.0.113.7') {
  return h.call('POST', '/api/v1/public/concerns', { json: body, headers: { 'idempotency-key': key }, remoteAddress });
}

const staffReport = { child: { kind: 'known', childId: children.c1.id }, kinds: ['neglect'], urgent: false, description: '孩子这几天没有上学' };

describe('a public report', () => {
  it('is received without an account and answers a tracking code with which the reporter sees the status', async () => {
    const res = await reportPublicly();
    expect(res.status).toBe(201);
    expect(res.body.trackingCode).toMatch(/^([0-9A-HJKMNP-TV-Z]{4}-){5}[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(Object.keys(res.body).sort()).toEqual(['reportedAt', 'status', 'trackingCode']);

    const status = await h.call('POST', '/api/v1/public/concerns/status', { json: { trackingCode: res.body.trackingCode.toLowerCase() } });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ status: 'received', closingFeedback: null });
    expect(Object.keys(status.body).sort()).toEqual(['closingFeedback', 'reportedAt', 'status', 'updatedAt']);
  });

  it('sent again with the same key is one report with the same code; the key reused for another report is refused', async () => {
    const key = newKey();
    const first = await reportPublicly(publicReport, key);
    const again = await reportPublicly(publicReport, key);
    expect(again.status).toBe(201);
    expect(again.body.trackingCode).toBe(first.body.trackingCode);
    const other = await reportPublicly({ ...publicReport, description: '另一件事' }, key);
    expect(other.status).toBe(409);
    const director = await h.call('GET', '/api/v1/concerns', { as: 'directorV1' });
    expect(director.body.queue).toHaveLength(1);
  });

  it('a wrong code is not found and says nothing else', async () => {
    const res = await h.call('POST', '/api/v1/public/concerns/status', { json: { trackingCode: 'K7QM-2XHD-1A0B-CDEF-GHJK-MNPQ' } });
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
  });

  it('refuses a child id, a missing key, an unknown village and a big body, writing nothing', async () => {
    const writes = await h.writesOf(async () => {
      expect((await reportPublicly({ ...publicReport, childId: children.a1.id })).status).toBe(400);
      const keyless = await h.call('POST', '/api/v1/public/concerns', { json: publicReport });
      expect([keyless.status, keyless.body.field]).toEqual([400, 'Idempotency-Key']);
      expect((await reportPublicly({ ...publicReport, villageId: 'v-none' })).status).toBe(404);
      expect((await reportPublicly({ ...publicReport, villageId: 't1' })).status).toBe(404);
      expect((await reportPublicly({ ...publicReport, description: '很'.repeat(2_001) })).status).toBe(400);
      expect((await reportPublicly({ ...publicReport, description: 'x'.repeat(9_000) })).status).toBe(413);
    });
    expect(writes.added).toEqual([]);
  });

  it('is limited per client: the sixth report in ten minutes from one address is refused with Retry-After', async () => {
    for (let n = 0; n < 5; n += 1) expect((await reportPublicly(publicReport, newKey(), '198.51.100.9')).status).toBe(201);
    const sixth = await reportPublicly(publicReport, newKey(), '198.51.100.9');
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await reportPublicly(publicReport, newKey(), '198.51.100.10')).status).toBe(201);
  });

  it('the place picker lists the cities, then each level below', async () => {
    const cities = await h.call('GET', '/api/v1/public/regions');
    expect(cities.body.items).toEqual([{ id: 'c1', name: '江城市', level: 'city' }]);
    const villages = await h.call('GET', '/api/v1/public/regions?parentId=t1');
    expect(villages.body.items.map((r: { name: string }) => r.name)).toEqual(['东湾村', '西湾村']);
  });
});

describe('the handlers', () => {
  it("the village's director and the town's supervisor see it in their queues, urgent first; others do not", async () => {
    await h.call('POST', '/api/v1/concerns', { as: 'socialWorkerPledged', json: staffReport, headers: { 'idempotency-key': newKey() } });
    await reportPublicly({ ...publicReport, villageId: 'v2' });

    const director = await h.call('GET', '/api/v1/concerns', { as: 'directorV2' });
    expect(director.body.queue.map((c: { urgent: boolean }) => c.urgent)).toEqual([true, false]);
    expect(director.body.counts).toEqual({ open: 2, urgent: 1 });
    expect((await h.call('GET', '/api/v1/concerns', { as: 'supervisorT1' })).body.queue).toHaveLength(2);
    expect((await h.call('GET', '/api/v1/concerns', { as: 'districtOfficer' })).body.queue).toHaveLength(2);
    expect((await h.call('GET', '/api/v1/concerns', { as: 'directorV1' })).body.queue).toEqual([]);
    expect((await h.call('GET', '/api/v1/concerns', { as: 'supervisorT2' })).body.queue).toEqual([]);
    const guardian = await h.call('GET', '/api/v1/concerns', { as: 'guardianA' });
    expect(guardian.body).toMatchObject({ queue: null, mine: [] });
  });

  it('a reporter sees their own report by status only; a child they may not read is not found', async () => {
    const res = await h.call('POST', '/api/v1/concerns', { as: 'socialWorkerPledged', json: staffReport, headers: { 'idempotency-key': newKey() } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'received', villageName: '西湾村', closingFeedback: null });
    expect(res.body.description).toBeUndefined();
    const mine = await h.call('GET', '/api/v1/concerns', { as: 'socialWorkerPledged' });
    expect(mine.body.mine.map((c: { id: string }) => c.id)).toEqual([res.body.id]);

    const notTheirs = await h.call('POST', '/api/v1/concerns', {
      as: 'guardianA',
      json: { ...staffReport, child: { kind: 'known', childId: children.b1.id } },
      headers: { 'idempotency-key': newKey() },
    });
    expect(notTheirs.status).toBe(404);
  });

  it('steps through the lifecycle by the allowed roles; the reporter sees the closing feedback', async () => {
    const reported = await reportPublicly({ ...publicReport, villageId: 'v2' });
    const [line] = (await h.call('GET', '/api/v1/concerns', { as: 'directorV2' })).body.queue;
    const step = (as: 'directorV2' | 'supervisorT1' | 'supervisorT2', body: Record<string, unknown>) =>
      h.call('POST', `/api/v1/concerns/${line.id}/steps`, { as, json: body });

    const opened = await h.call('GET', `/api/v1/concerns/${line.id}`, { as: 'directorV2' });
    expect(opened.body).toMatchObject({ villageName: '西湾村', childName: null, nextSteps: ['acknowledged'], version: 1 });

    expect((await step('directorV2', { to: 'acknowledged', version: 1, note: '已电话联系' })).status).toBe(200);
    expect((await step('directorV2', { to: 'acknowledged', version: 2 })).status).toBe(409);
    expect((await step('directorV2', { to: 'investigating', version: 1 })).status).toBe(409);
    expect((await step('directorV2', { to: 'investigating', version: 2 })).status).toBe(200);
    expect((await step('directorV2', { to: 'assessed', version: 3, riskLevel: 'yellow' })).status).toBe(403);
    expect((await step('supervisorT2', { to: 'assessed', version: 3, riskLevel: 'yellow' })).status).toBe(404);
    expect((await step('supervisorT1', { to: 'assessed', version: 3 })).status).toBe(422);
    expect((await step('supervisorT1', { to: 'assessed', version: 3, riskLevel: 'yellow' })).status).toBe(200);
    expect((await step('supervisorT1', { to: 'assisting', version: 4 })).status).toBe(200);
    const closed = await step('supervisorT1', { to: 'closed', version: 5, closingFeedback: '已联系孩子父母，安排亲属照看' });
    expect(closed.status).toBe(200);
    expect(closed.body.trail.map((s: { to: string; byName: string | null }) => [s.to, s.byName])).toEqual([
      ['received', null],
      ['acknowledged', '赵西湾'],
      ['investigating', '赵西湾'],
      ['assessed', '孙河口'],
      ['assisting', '孙河口'],
      ['closed', '孙河口'],
    ]);

    const status = await h.call('POST', '/api/v1/public/concerns/status', { json: { trackingCode: reported.body.trackingCode } });
    expect(status.body).toMatchObject({ status: 'closed', closingFeedback: '已联系孩子父母，安排亲属照看' });
  });

  it('reading a report about a known child is audited as about that child', async () => {
    const res = await h.call('POST', '/api/v1/concerns', { as: 'socialWorkerPledged', json: staffReport, headers: { 'idempotency-key': newKey() } });
    await h.call('GET', `/api/v1/concerns/${res.body.id}`, { as: 'supervisorT1' });
    const audit = await h.deps.repositories.audit.listByChild(children.c1.id, 10);
    expect(audit.map((entry) => entry.action)).toEqual(expect.arrayContaining(['concern.report', 'concern.read']));
  });
});
