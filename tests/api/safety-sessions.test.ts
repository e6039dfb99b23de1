import { beforeAll, describe, expect, it } from 'vitest';
import { sessionTokensFor } from '../../functions/src/api/app.js';
import { domainEventSchema } from '../../functions/src/events/domain-events.js';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { users, type SeededUser } from './support/seed-area.js';

/**
 * R12 (issue 11 part 3): safety-education sessions planned for a village, a town or a school by the people of that
 * area, recorded held (attendance, one or two JPEG/PNG photos by magic bytes, ≤ 300 KB each) or cancelled, with the
 * version read; SafetySessionPlanned and SafetySessionHeld in the outbox; the tracker and the guardians' next sessions.
 */
let h: ApiHarness;

/** A tiny but real-looking JPEG: its magic bytes, then filler. */
const jpeg = (size = 2_000) => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size - 4, 7)]).toString('base64');
const png = () => Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 1)]).toString('base64');
const gif = () => Buffer.concat([Buffer.from('GIF89a'), Buffer.alloc(500, 1)]).toString('base64');

const plan = (as: SeededUser, body: Record<string, unknown>) => h.call('POST', '/api/v1/safety/sessions', { as, json: body });
const hold = (as: SeededUser, id: string, body: Record<string, unknown>) => h.call('POST', `/api/v1/safety/sessions/${id}/held`, { as, json: body });
const villagePlan = { topics: ['drowning', 'bullying'], date: '2026-03-20', place: '东湾村委会会议室', audience: { kind: 'village', id: 'v1' } };

async function outboxOf(act: () => Promise<{ status: number }>, status: number) {
  const writes = await h.writesOf(async () => expect((await act()).status).toBe(status));
  return writes.added.filter((item) => item.entity === 'outbox').map((item) => domainEventSchema.parse(item.event));
}

beforeAll(async () => {
  h = await startApiHarness();
  await h.table.repositories.schools.create({ id: 'sch1', name: '河口中心小学', townId: 't1', districtId: 'd1' });
  await h.table.repositories.schools.create({ id: 'sch3', name: '渡口中学', townId: 't3', districtId: 'd2' });
}, 60_000);

describe('planning a session (R12)', () => {
  it('a supervisor plans for a village of their town: 201, the organizer by name, SafetySessionPlanned in the same write', async () => {
    let body: any;
    const events = await outboxOf(async () => {
      const res = await plan('supervisorT1', villagePlan);
      body = res.body;
      return res;
    }, 201);
    expect(body).toMatchObject({
      topicNames: ['防溺水', '防欺凌'],
      date: '2026-03-20',
      audience: { kind: 'village', id: 'v1', name: '东湾村', townId: 't1', districtId: 'd1' },
      organizerName: '孙河口',
      status: 'planned',
      statusName: '已计划',
      version: 1,
    });
    expect(JSON.stringify(body)).not.toContain(users.supervisorT1.id);
    expect(events).toEqual([
      expect.objectContaining({
        detailType: 'SafetySessionPlanned',
        detail: { sessionId: body.id, audienceKind: 'village', audienceId: 'v1', townId: 't1', districtId: 'd1', date: '2026-03-20' },
      }),
    ]);
  });

  it('a director plans for their own village only; a district officer and an organization admin anywhere in the district; a school by its town', async () => {
    expect((await plan('directorV1', { ...villagePlan, topics: ['fire'] })).status).toBe(201);
    expect((await plan('directorV1', { ...villagePlan, audience: { kind: 'village', id: 'v2' } })).status).toBe(422);
    expect((await plan('directorV1', { ...villagePlan, audience: { kind: 'town', id: 't1' } })).status).toBe(422);
    expect((await plan('districtOfficer', { ...villagePlan, audience: { kind: 'town', id: 't2' } })).status).toBe(201);
    expect((await plan('orgAdmin', { ...villagePlan, audience: { kind: 'village', id: 'v3' } })).status).toBe(201);
    expect((await plan('supervisorT1', { ...villagePlan, audience: { kind: 'school', id: 'sch1' } })).status).toBe(201);
    expect((await plan('supervisorT1', { ...villagePlan, audience: { kind: 'school', id: 'sch3' } })).status).toBe(422);
    expect((await plan('supervisorT2', villagePlan)).status).toBe(422);
  });

  it('refuses roles that do not plan (403) and, R8, an organization admin without the pledge with the pledge problem', async () => {
    await h.table.repositories.users.create({ ...users.orgAdmin, id: 'u-org-admin-unsigned', wechatOpenId: null, pledgeSignedAt: null });
    const guardian = await plan('guardianA', villagePlan);
    const volunteer = await plan('volunteer', villagePlan);
    const socialWorker = await plan('socialWorkerPledged', villagePlan);
    expect([guardian.status, volunteer.status, socialWorker.status]).toEqual([403, 403, 403]);
    const unsignedUser = (await h.deps.repositories.users.get('u-org-admin-unsigned'))!;
    const issued = await sessionTokensFor(h.deps).issue(unsignedUser);
    const unsigned = await h.call('POST', '/api/v1/safety/sessions', { token: issued.token, json: villagePlan });
    expect(unsigned.status).toBe(403);
    expect(unsigned.body.type).toContain('pledge-required');
  });

  it('names the field of bad input and writes nothing: an unknown topic, no topic, a bad date, an unknown audience', async () => {
    const cases: [Record<string, unknown>, string, number][] = [
      [{ ...villagePlan, topics: ['earthquakes'] }, 'topics', 400],
      [{ ...villagePlan, topics: [] }, 'topics', 400],
      [{ ...villagePlan, topics: ['fire', 'fire'] }, 'topics', 400],
      [{ ...villagePlan, date: '2026-02-30' }, 'date', 400],
      [{ ...villagePlan, place: '' }, 'place', 400],
      [{ ...villagePlan, audience: { kind: 'village', id: 'nowhere' } }, 'audience.id', 404],
      [{ ...villagePlan, date: '2028-01-01' }, 'date', 422],
    ];
    for (const [body, field, status] of cases) {
      const writes = await h.writesOf(async () => {
        const res = await plan('supervisorT1', body);
        expect(res.status).toBe(status);
        expect(res.headers.get('content-type')).toBe('application/problem+json');
        expect(JSON.stringify(res.body)).toContain(field);
      });
      expect(writes.added).toEqual([]);
    }
  });
});

describe('recording a session held (R12): attendance and photos', () => {
  let session: any;
  beforeAll(async () => {
    session = (await plan('supervisorT1', { ...villagePlan, date: '2026-03-12', topics: ['drowning'] })).body;
  });

  it('refuses photos that are not JPEG or PNG, over 300 KB, none or more than two, naming the photo; nothing is written', async () => {
    h.setNow('2026-03-12T04:00:00.000Z');
    const cases: [unknown[], string][] = [
      [[gif()], 'photos.0'],
      [[jpeg(), jpeg(300 * 1024 + 1)], 'photos.1'],
      [[], 'photos'],
      [[jpeg(), png(), jpeg()], 'photos'],
      [['not base64!'], 'photos.0'],
    ];
    for (const [photos, field] of cases) {
      const writes = await h.writesOf(async () => {
        const res = await hold('supervisorT1', session.id, { version: 1, attendance: 30, photos });
        expect(res.status).toBe(400);
        expect(res.body.errors?.[0]?.field ?? res.body.field).toBe(field);
      });
      expect(writes.added).toEqual([]);
    }
  });

  it("lifts the API's 64 KiB body cap for this route only, up to two photos' worth; a plan's body stays capped", async () => {
    const hugePlan = await plan('supervisorT1', { ...villagePlan, place: '例'.repeat(40_000) });
    expect(hugePlan.status).toBe(413);
    const twoBig = await hold('supervisorT1', session.id, { version: 1, attendance: 30, photos: [jpeg(250 * 1024), 'A'.repeat(1_400_000)] });
    expect(twoBig.status).toBe(413);
    expect((await h.call('GET', `/api/v1/safety/sessions/${session.id}`, { as: 'supervisorT1' })).body.status).toBe('planned');
  });

  it('is not recorded before its day in Beijing (UTC 15:59 on the 11th is still the 11th)', async () => {
    h.setNow('2026-03-11T15:59:00.000Z');
    const early = await hold('supervisorT1', session.id, { version: 1, attendance: 30, photos: [jpeg()] });
    expect(early.status).toBe(422);
    h.setNow('2026-03-12T04:00:00.000Z');
  });

  it('holds with the version read: SafetySessionHeld with the attendance; the photo is served by its type; a stale version is a 409', async () => {
    let body: any;
    const events = await outboxOf(async () => {
      const res = await hold('supervisorT1', session.id, { version: 1, attendance: 32, photos: [jpeg(290 * 1024), png()] });
      body = res.body;
      return res;
    }, 200);
    expect(body).toMatchObject({ status: 'held', statusName: '已开展', attendance: 32, photoCount: 2, version: 2 });
    expect(events).toEqual([expect.objectContaining({ detailType: 'SafetySessionHeld', detail: expect.objectContaining({ sessionId: session.id, attendance: 32 }) })]);
    const photo = await h.call('GET', `/api/v1/safety/sessions/${session.id}/photos/1`, { as: 'directorV1' });
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/png');
    const elsewhere = await h.call('GET', `/api/v1/safety/sessions/${session.id}/photos/0`, { as: 'supervisorT2' });
    expect(elsewhere.status).toBe(404);
    // Held already: another hold is refused; a cancel over a stale version too.
    expect((await hold('supervisorT1', session.id, { version: 2, attendance: 1, photos: [jpeg()] })).status).toBe(422);
  });

  it('a version conflict on a planned session is a 409 and writes nothing', async () => {
    const other = (await plan('supervisorT1', { ...villagePlan, date: '2026-03-12' })).body;
    const writes = await h.writesOf(async () => {
      const res = await hold('directorV1', other.id, { version: 5, attendance: 10, photos: [jpeg()] });
      expect(res.status).toBe(409);
    });
    expect(writes.added).toEqual([]);
  });

  it('cancels a planned session with a reason, then it cannot be held', async () => {
    const other = (await plan('directorV1', { ...villagePlan, date: '2026-03-25' })).body;
    const cancelled = await h.call('POST', `/api/v1/safety/sessions/${other.id}/cancelled`, { as: 'directorV1', json: { version: 1, reason: '暴雨预警，改期' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: '暴雨预警，改期', version: 2 });
    h.setNow('2026-03-26T04:00:00.000Z');
    expect((await hold('directorV1', other.id, { version: 2, attendance: 10, photos: [jpeg()] })).status).toBe(422);
    h.setNow('2026-03-12T04:00:00.000Z');
  });
});

describe('the R12 tracker and the schedule', () => {
  it("shows the town's rows to its supervisor: the village's drowning done, bullying still due, the town's quarter due", async () => {
    const res = await h.call('GET', '/api/v1/safety/tracker/towns/t1', { as: 'supervisorT1' });
    expect(res.status).toBe(200);
    const v1 = res.body.rows.find((row: any) => row.id === 'v1');
    expect(v1.items.find((item: any) => item.requirement === 'villageDrowning')).toMatchObject({ state: 'done', stateName: '已完成', sessionDate: '2026-03-12' });
    expect(v1.items.find((item: any) => item.requirement === 'villageBullying')).toMatchObject({ state: 'planned', sessionDate: '2026-03-12' });
    expect(res.body.rows.find((row: any) => row.kind === 'town')).toMatchObject({ id: 't1', items: [expect.objectContaining({ state: 'due', period: '2026年第1季度' })] });
    expect(res.body.rows.find((row: any) => row.kind === 'school')).toMatchObject({ id: 'sch1', name: '河口中心小学' });
  });

  it("gives a director their own village's row only, another town's supervisor a 404, the district's summary to its officer only", async () => {
    const director = await h.call('GET', '/api/v1/safety/tracker/towns/t1', { as: 'directorV1' });
    expect(director.body.rows.map((row: any) => row.id)).toEqual(['v1']);
    expect((await h.call('GET', '/api/v1/safety/tracker/towns/t1', { as: 'supervisorT2' })).status).toBe(404);
    expect((await h.call('GET', '/api/v1/safety/tracker/towns/t1', { as: 'guardianA' })).status).toBe(403);
    const district = await h.call('GET', '/api/v1/safety/tracker/districts/d1', { as: 'districtOfficer' });
    expect(district.status).toBe(200);
    expect(district.body.towns.find((town: any) => town.townId === 't1')).toMatchObject({ villages: 2, villagesDone: 0, schools: 1 });
    expect((await h.call('GET', '/api/v1/safety/tracker/districts/d1', { as: 'supervisorT1' })).status).toBe(403);
  });

  it("lists the reader's area: the supervisor's town with its villages and school, its sessions; a director's village only", async () => {
    const res = await h.call('GET', '/api/v1/safety/schedule', { as: 'supervisorT1' });
    expect(res.status).toBe(200);
    expect(res.body.towns).toEqual([{ id: 't1', name: '河口镇', villages: expect.arrayContaining([{ id: 'v1', name: '东湾村' }]), schools: [{ id: 'sch1', name: '河口中心小学' }] }]);
    expect(res.body.sessions.every((session: any) => session.audience.townId === 't1')).toBe(true);
    expect(res.body.topics[0]).toEqual({ code: 'drowning', name: '防溺水' });
    const director = await h.call('GET', '/api/v1/safety/schedule', { as: 'directorV1' });
    expect(director.body.villageId).toBe('v1');
    expect(director.body.sessions.every((session: any) => session.audience.id === 'v1' || session.audience.kind === 'town')).toBe(true);
  });

  it("shows a guardian the next planned sessions of their children's village and town; another family nothing of it", async () => {
    const a = await h.call('GET', '/api/v1/safety/upcoming', { as: 'guardianA' });
    expect(a.status).toBe(200);
    // Soonest first: today's planned session, then the 20th's; nothing held, cancelled or past.
    expect(a.body.items[0]).toMatchObject({ date: '2026-03-12', audienceName: '东湾村' });
    expect(a.body.items).toContainEqual(expect.objectContaining({ date: '2026-03-20', topicNames: ['防溺水', '防欺凌'], place: '东湾村委会会议室', audienceName: '东湾村' }));
    expect(a.body.items).toHaveLength(3);
    const b = await h.call('GET', '/api/v1/safety/upcoming', { as: 'guardianB' });
    expect(b.body.items.map((item: any) => item.audienceName)).not.toContain('东湾村');
    expect((await h.call('GET', '/api/v1/safety/upcoming', { as: 'supervisorT1' })).status).toBe(403);
  });
});
