import { beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { children, users, type SeededUser } from './support/seed-area.js';
import { homeVisitBody, postAnswer, postCheckIn } from './support/visits.js';

/**
 * Issue 12 part 6, seed 000 §六(一): district and city officers draw a reproducible random sample of the families
 * visited last month, see the guardians' phones on the call list only (each showing audited), and record each call
 * once, beside the guardian's own answers in the app.
 */
let h: ApiHarness;

const draw = (as: SeededUser, body: unknown) => h.call('POST', '/api/v1/inspections/samples', { as, json: body });
const read = (as: SeededUser, sampleId: string) => h.call('GET', `/api/v1/inspections/samples/${sampleId}`, { as });
const record = (as: SeededUser, sampleId: string, childId: string, body: unknown) =>
  h.call('PUT', `/api/v1/inspections/samples/${sampleId}/callbacks/${childId}`, { as, json: body });

beforeAll(async () => {
  h = await startApiHarness();
  // October (Beijing): home visits to a1 (then disputed by the guardian) and c1; a contact to nobody else counts.
  h.setNow('2026-10-20T08:00:00.000Z');
  const a1 = await postCheckIn(h, 'socialWorkerPledged', children.a1.id, homeVisitBody({ startedAt: '2026-10-20T09:00:00+08:00', endedAt: '2026-10-20T11:30:00+08:00' }));
  expect(a1.status).toBe(201);
  const c1 = await postCheckIn(
    h,
    'socialWorkerPledged',
    children.c1.id,
    homeVisitBody({ startedAt: '2026-10-20T13:00:00+08:00', endedAt: '2026-10-20T15:30:00+08:00', participantIds: [users.socialWorkerPledged.id, users.directorV2.id] }),
  );
  expect(c1.status).toBe(201);
  const disputed = await postAnswer(h, 'guardianA', children.a1.id, a1.body.id, { decision: 'dispute', reasons: ['notVisited'], version: a1.body.version });
  expect(disputed.status).toBe(200);
  // 1 November 00:30 Beijing (31 Oct 16:30 UTC): last month is October.
  h.setNow('2026-10-31T16:30:00.000Z');
}, 60_000);

describe('who may draw a sample', () => {
  it.each(['directorV1', 'socialWorkerPledged', 'guardianA', 'supervisorT1', 'orgAdmin'] as const)('%s is refused (403) and nothing is drawn', async (who) => {
    const writes = await h.writesOf(async () => expect((await draw(who, { size: 5 })).status).toBe(403));
    expect(writes.added.filter((item) => item.entity === 'callbackSample')).toEqual([]);
  });

  it('refuses a size out of bounds (400 naming size)', async () => {
    const res = await draw('districtOfficer', { size: 31 });
    expect(res.status).toBe(400);
    expect(res.text).toContain('size');
  });
});

describe("a district officer's sample", () => {
  it("draws from last month's visited families, shows the seed, the phones and the visits, and audits each phone shown", async () => {
    // Act
    const res = await draw('districtOfficer', { size: 10, seed: '123456' });
    // Assess
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ month: '2026-10', seed: '123456', candidates: 2, areaName: '临江区', drawnByName: users.districtOfficer.name });
    const byChild = Object.fromEntries(res.body.entries.map((entry: { childId: string }) => [entry.childId, entry]));
    expect(Object.keys(byChild).sort()).toEqual([children.a1.id, children.c1.id]);
    expect(byChild[children.a1.id]).toMatchObject({
      childName: '李*明',
      guardians: [{ name: '李大山', phone: '13800001111' }],
      visits: [{ date: '2026-10-20', who: [users.socialWorkerPledged.name, users.directorV1.name] }],
      app: { confirmed: 0, disputed: 1, unanswered: 0 },
      callback: null,
    });
    const audit = await h.table.repositories.audit.listByChild(children.a1.id, 50);
    expect(audit.filter((entry) => entry.action === 'inspection.callList' && entry.actorId === users.districtOfficer.id)).toHaveLength(1);
  });

  it('gives the same families for the same seed, and audits every showing of the list', async () => {
    const first = await draw('districtOfficer', { size: 1, seed: '654321' });
    const again = await draw('districtOfficer', { size: 1, seed: '654321' });
    expect(first.body.entries.map((e: { childId: string }) => e.childId)).toEqual(again.body.entries.map((e: { childId: string }) => e.childId));
    const childId = first.body.entries[0].childId;
    const before = (await h.table.repositories.audit.listByChild(childId, 100)).filter((e) => e.action === 'inspection.callList').length;
    expect((await read('districtOfficer', first.body.id)).status).toBe(200);
    const after = (await h.table.repositories.audit.listByChild(childId, 100)).filter((e) => e.action === 'inspection.callList').length;
    expect(after).toBe(before + 1);
  });

  it('is read by the city officer, not by a director (403)', async () => {
    const sample = await draw('districtOfficer', { size: 2 });
    expect(sample.body.seed).toMatch(/^\d{6}$/);
    expect((await read('cityOfficer', sample.body.id)).status).toBe(200);
    expect((await read('directorV1', sample.body.id)).status).toBe(403);
  });
});

describe('recording a callback', () => {
  it('is stored once on retry, refuses another outcome (409), and a disagreement with the app stands out', async () => {
    // Prepare
    const sample = await draw('districtOfficer', { size: 10, seed: '111111' });
    const body = { outcome: 'confirmed', note: '家长说社工10月20日来过' };
    // Act
    const first = await record('districtOfficer', sample.body.id, children.a1.id, body);
    const retry = await record('districtOfficer', sample.body.id, children.a1.id, body);
    const other = await record('districtOfficer', sample.body.id, children.a1.id, { outcome: 'unreachable', tries: 2 });
    // Assess
    expect(first.status).toBe(200);
    expect(retry.status).toBe(200);
    expect(other.status).toBe(409);
    const entry = retry.body.entries.find((e: { childId: string }) => e.childId === children.a1.id);
    expect(entry).toMatchObject({ callback: { outcome: 'confirmed', note: '家长说社工10月20日来过', recordedByName: users.districtOfficer.name }, disagrees: true });
    expect(retry.body.summary).toMatchObject({ drawn: 2, called: 1, confirmed: 1, confirmedPercent: 100, disagreements: 1 });
    const stored = await h.table.repositories.callbackInspections.listCallbacks(sample.body.id);
    expect(stored).toHaveLength(1);
  });

  it('needs what the family said when they did not confirm (400 naming familySaid), and writes nothing', async () => {
    const sample = await draw('districtOfficer', { size: 10, seed: '222222' });
    const res = await record('districtOfficer', sample.body.id, children.c1.id, { outcome: 'notConfirmed' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('familySaid');
    expect(await h.table.repositories.callbackInspections.listCallbacks(sample.body.id)).toEqual([]);
  });

  it('refuses a family not in the sample (404)', async () => {
    const sample = await draw('districtOfficer', { size: 10, seed: '333333' });
    expect((await record('districtOfficer', sample.body.id, children.b1.id, { outcome: 'confirmed' })).status).toBe(404);
  });
});
