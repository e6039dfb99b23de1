import { beforeEach, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { children, SEEDED_AT, type SeededUser } from './support/seed-area.js';

/**
 * Issue 8, part 4 (R6): a child's difficult case raised by its social worker or director, owned by the town's
 * supervisor, acknowledged and resolved or raised to the district and the city; the trail stays with the child.
 */
let h: ApiHarness;
beforeEach(async () => {
  h = await startApiHarness();
});

let keyCount = 0;
const newKey = () => `case-key-${(keyCount += 1)}-${Date.now()}`;

const form = { problem: '父亲外出务工失联，祖母卧病，孩子常独自在家', tried: '联系村委与学校，安排邻居临时照看两周', helpNeeded: '申请临时监护和生活救助', urgent: false };

function raise(as: SeededUser, childId: string = children.a1.id, body: unknown = form, key = newKey()) {
  return h.call('POST', `/api/v1/children/${childId}/escalations`, { as, json: body, headers: { 'idempotency-key': key } });
}
const step = (as: SeededUser, id: string, body: Record<string, unknown>) => h.call('POST', `/api/v1/escalations/${id}/steps`, { as, json: body });
const queueOf = (as: SeededUser) => h.call('GET', '/api/v1/escalations', { as });

describe('raising a difficult case', () => {
  it("by the child's social worker: goes to the town, to be acknowledged within 3 days; sent again with the same key, it is one case", async () => {
    const key = newKey();
    const res = await raise('socialWorkerPledged', children.a1.id, form, key);

    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/escalations/${res.body.id}`);
    expect(res.body).toMatchObject({
      childId: children.a1.id,
      childName: '李小明',
      villageName: '东湾村',
      level: 'town',
      status: 'raised',
      ...form,
      acknowledgeBy: '2026-03-13T02:00:00.000Z',
      overdue: false,
      nextSteps: [],
      version: 1,
    });
    expect(res.body.trail).toEqual([{ at: SEEDED_AT, byUserId: 'u-sw-pledged', byName: '吴社工', level: 'town', action: 'raised', note: '' }]);

    const again = await raise('socialWorkerPledged', children.a1.id, form, key);
    expect([again.status, again.body.id]).toEqual([201, res.body.id]);
    const reused = await raise('socialWorkerPledged', children.a1.id, { ...form, problem: '另一件事' }, key);
    expect([reused.status, reused.body.field]).toEqual([409, 'Idempotency-Key']);
    expect((await queueOf('supervisorT1')).body.queue).toHaveLength(1);
  });

  it("by the village's director too; a guardian or a supervisor is refused (403, audited), someone out of the area is told it does not exist", async () => {
    expect((await raise('directorV1')).status).toBe(201);

    const writes = await h.writesOf(async () => {
      expect((await raise('guardianA')).status).toBe(403);
      expect((await raise('supervisorT1')).status).toBe(403);
      expect((await raise('directorV3')).status).toBe(404);
      // R8 (issue 11): refused as pledge-required (403), not 404.
      expect((await raise('socialWorkerUnpledged', children.b1.id)).status).toBe(403);
    });
    expect(writes.added.map((item) => [item.entity, item.action, item.outcome, item.reason])).toEqual(
      expect.arrayContaining([
        ['audit', 'escalation.raise', 'denied', 'roleCannot'],
        ['audit', 'escalation.raise', 'denied', 'notRelated'],
        ['audit', 'escalation.raise', 'denied', 'pledgeMissing'],
      ]),
    );
    expect(writes.added.every((item) => item.entity === 'audit')).toBe(true);
  });

  it('refuses a form with a field missing, an unknown field, markup-only blanks or no key, naming the field and writing nothing', async () => {
    const writes = await h.writesOf(async () => {
      const { helpNeeded: _, ...missing } = form;
      const cases = [
        [await raise('socialWorkerPledged', children.a1.id, missing), 'helpNeeded'],
        [await raise('socialWorkerPledged', children.a1.id, { ...form, childName: '李小明' }), undefined],
        [await raise('socialWorkerPledged', children.a1.id, { ...form, tried: '   ' }), 'tried'],
        [await h.call('POST', `/api/v1/children/${children.a1.id}/escalations`, { as: 'socialWorkerPledged', json: form }), 'Idempotency-Key'],
      ] as const;
      for (const [res, field] of cases) {
        expect(res.status).toBe(400);
        expect(res.headers.get('content-type')).toMatch(/problem\+json/);
        if (field) expect(JSON.stringify(res.body)).toContain(field);
      }
    });
    expect(writes.added).toEqual([]);
  });
});

describe('a case through the levels', () => {
  it('the supervisor acknowledges, then raises it; the district raises it to the city, which resolves it; forbidden steps are 409, wrong roles 403', async () => {
    const { id } = (await raise('socialWorkerPledged')).body;

    expect((await step('supervisorT2', id, { action: 'acknowledge', version: 1 })).status).toBe(404);
    expect((await step('districtOfficer', id, { action: 'acknowledge', version: 1 })).status).toBe(403);
    expect((await step('supervisorT1', id, { action: 'resolve', note: '已解决', version: 1 })).status).toBe(409);
    const acknowledged = await step('supervisorT1', id, { action: 'acknowledge', version: 1 });
    expect(acknowledged.status).toBe(200);
    expect(acknowledged.body).toMatchObject({ status: 'acknowledged', nextSteps: ['resolve', 'raise'], version: 2 });
    expect((await step('supervisorT1', id, { action: 'raise', note: '需要区里协调', version: 1 })).status).toBe(409);
    expect((await step('supervisorT1', id, { action: 'raise', version: 2 })).status).toBe(422);
    const toDistrict = await step('supervisorT1', id, { action: 'raise', note: '需要区里协调临时监护', version: 2 });
    expect(toDistrict.body).toMatchObject({ level: 'district', status: 'raised', nextSteps: [] });

    expect((await queueOf('supervisorT1')).body.queue).toEqual([]);
    expect((await queueOf('districtOfficer')).body).toMatchObject({ level: 'district', queue: [{ id, level: 'district', status: 'raised' }] });
    expect((await step('supervisorT1', id, { action: 'acknowledge', version: 3 })).status).toBe(403);
    await step('districtOfficer', id, { action: 'acknowledge', version: 3 });
    await step('districtOfficer', id, { action: 'raise', note: '涉及跨区安置', version: 4 });
    await step('cityOfficer', id, { action: 'acknowledge', version: 5 });
    const atCity = await h.call('GET', `/api/v1/escalations/${id}`, { as: 'cityOfficer' });
    expect(atCity.body.nextSteps).toEqual(['resolve']);
    expect((await step('cityOfficer', id, { action: 'raise', note: '再上报', version: 6 })).status).toBe(409);
    const resolved = await step('cityOfficer', id, { action: 'resolve', note: '已由市民政局协调临时监护', version: 6 });
    expect(resolved.body).toMatchObject({ status: 'resolved', resolution: '已由市民政局协调临时监护', nextSteps: [] });

    // The whole trail stays in the child's record, for those who work the child's case.
    const page = await h.call('GET', `/api/v1/children/${children.a1.id}/escalations`, { as: 'directorV1' });
    expect(page.status).toBe(200);
    expect(page.body.items[0].trail.map((s: { level: string; action: string; byName: string }) => `${s.level} ${s.action} ${s.byName}`)).toEqual([
      'town raised 吴社工',
      'town acknowledged 孙河口',
      'district raised 孙河口',
      'district acknowledged 褚区局',
      'city raised 褚区局',
      'city acknowledged 卫市局',
      'city resolved 卫市局',
    ]);
  });

  it("the child's cases are not for the family (403), nor for a director of another village (404); reading them is audited", async () => {
    await raise('socialWorkerPledged');

    expect((await h.call('GET', `/api/v1/children/${children.a1.id}/escalations`, { as: 'guardianA' })).status).toBe(403);
    expect((await h.call('GET', `/api/v1/children/${children.a1.id}/escalations`, { as: 'directorV2' })).status).toBe(404);
    expect((await h.call('GET', `/api/v1/children/${children.a1.id}/escalations`, { as: 'orgAdmin' })).body.items).toHaveLength(1);
    const audit = await h.deps.repositories.audit.listByChild(children.a1.id, 20);
    expect(audit.map((entry) => `${entry.action} ${entry.outcome}`)).toEqual(
      expect.arrayContaining(['escalation.raise allowed', 'escalation.list denied', 'escalation.list allowed']),
    );
  });

  it('one case is read by those who work it and no one else; a guardian is told it does not exist', async () => {
    const { id } = (await raise('socialWorkerPledged')).body;
    const read = (as: SeededUser) => h.call('GET', `/api/v1/escalations/${id}`, { as });

    for (const reader of ['socialWorkerPledged', 'directorV1', 'orgAdmin', 'supervisorT1', 'districtOfficer', 'cityOfficer'] as const) {
      expect([reader, (await read(reader)).status]).toEqual([reader, 200]);
    }
    for (const outsider of ['guardianA', 'directorV2', 'supervisorT2', 'volunteer'] as const) {
      expect([outsider, (await read(outsider)).status]).toEqual([outsider, 404]);
    }
    expect((await h.call('GET', '/api/v1/escalations/no-such-case', { as: 'supervisorT1' })).status).toBe(404);
    expect((await h.call('GET', `/api/v1/escalations/${id}?debug=1`, { as: 'supervisorT1' })).status).toBe(400);
  });
});

describe('the queues', () => {
  it('each level sees its own, urgent first, with counts for the home page; a role that holds none has no queue', async () => {
    await raise('socialWorkerPledged', children.a1.id, form);
    await raise('socialWorkerPledged', children.c1.id, { ...form, urgent: true });
    await raise('directorV3', children.b1.id, form);

    const town = await queueOf('supervisorT1');
    expect(town.body.level).toBe('town');
    expect(town.body.queue.map((line: { childId: string; urgent: boolean }) => [line.childId, line.urgent])).toEqual([
      [children.c1.id, true],
      [children.a1.id, false],
    ]);
    expect(Object.keys(town.body.queue[0]).sort()).toEqual(
      ['acknowledgeBy', 'childId', 'createdAt', 'id', 'level', 'overdue', 'raisedAt', 'status', 'updatedAt', 'urgent', 'villageName'].sort(),
    );
    expect(town.body.counts).toEqual({ open: 2, urgent: 1, overdue: 0, overdueBelow: 0 });
    expect((await queueOf('supervisorT2')).body.queue).toHaveLength(1);
    expect((await queueOf('districtOfficer')).body).toMatchObject({ level: 'district', queue: [], overdueBelow: [] });
    expect((await queueOf('directorV1')).body).toEqual({ level: null, queue: null, overdueBelow: [], counts: { open: 0, urgent: 0, overdue: 0, overdueBelow: 0 } });
  });
});

describe('the OpenAPI document', () => {
  it('describes the routes of difficult cases', async () => {
    const doc = JSON.parse((await h.call('GET', '/api/v1/openapi.json')).text);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/escalations', '/api/v1/escalations/{id}', '/api/v1/escalations/{id}/steps', '/api/v1/children/{id}/escalations']),
    );
    expect(Object.keys(doc.paths['/api/v1/children/{id}/escalations'])).toEqual(expect.arrayContaining(['get', 'post']));
  });
});
