import { beforeAll, describe, expect, it } from 'vitest';
import { sessionTokensFor } from '../../functions/src/api/app.js';
import { rollUpMonth } from '../../functions/src/app/roll-up-month.js';
import type { User } from '../../functions/src/domain/user.js';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { users } from './support/seed-area.js';

/**
 * Issue 11 part 4, R5: group activities of an organization, planned by its organizers, joined by its volunteers and by
 * the area's guardians for their children, capacity enforced under concurrent sign-ups, R8 before any sign-up,
 * attendance making the activity held and counting it in the month's counters (R4's roll-up).
 */
let h: ApiHarness;
const NOW = '2026-06-01T02:00:00.000Z';
const plan = (overrides: Record<string, unknown> = {}) => ({
  title: '暑期防溺水亲子活动',
  date: '2026-06-20',
  time: '09:30',
  place: '河口镇社区活动中心',
  capacity: 3,
  areaId: 't1',
  categories: [],
  description: '',
  ...overrides,
});

async function planned(overrides: Record<string, unknown> = {}) {
  const res = await h.call('POST', '/api/v1/activities', { as: 'orgAdmin', json: plan(overrides) });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number };
}

const extraVolunteer = (id: string, signedAt: string | null): User => ({
  ...users.volunteer,
  id,
  name: `志愿者${id.slice(-2)}`,
  wechatOpenId: `openid-${id}`,
  pledgeSignedAt: signedAt,
});

async function tokenOf(user: User): Promise<string> {
  await h.table.repositories.users.create(user);
  return (await sessionTokensFor(h.deps).issue(user)).token;
}

beforeAll(async () => {
  h = await startApiHarness();
  h.setNow(NOW);
}, 60_000);

describe('planning an activity (R5)', () => {
  it('is done by the org admin for a town of its district and records ActivityPlanned in the outbox', async () => {
    // Act
    const writes = await h.writesOf(() => planned());
    // Assess
    const entities = writes.added.map((item) => item.entity).sort();
    expect(entities).toEqual(['activity', 'outbox']);
    const outbox = writes.added.find((item) => item.entity === 'outbox') as { event: { detailType: string; detail: unknown } };
    expect(outbox.event.detailType).toBe('ActivityPlanned');
    expect(outbox.event.detail).toMatchObject({ organizationId: 'org1', districtId: 'd1', capacity: 3 });
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    // Act
    const writes = await h.writesOf(async () => {
      const res = await h.call('POST', '/api/v1/activities', { as: 'orgAdmin', json: plan({ capacity: 0 }) });
      // Assess
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(JSON.stringify(res.body)).toContain('capacity');
    });
    expect(writes.added).toEqual([]);
    expect(writes.removedOrChanged).toEqual([]);
  });

  it("refuses an area outside the organization's district, and a role that does not organize", async () => {
    // Act
    const elsewhere = await h.call('POST', '/api/v1/activities', { as: 'orgAdmin', json: plan({ areaId: 'v4' }) });
    const volunteer = await h.call('POST', '/api/v1/activities', { as: 'volunteer', json: plan() });
    const director = await h.call('POST', '/api/v1/activities', { as: 'directorV1', json: plan() });
    const unsignedWorker = await h.call('POST', '/api/v1/activities', { as: 'socialWorkerUnpledged', json: plan() });
    // Assess
    expect(elsewhere.status).toBe(422);
    expect(elsewhere.body.field).toBe('areaId');
    expect(volunteer.status).toBe(403);
    expect(director.status).toBe(403);
    expect(unsignedWorker.status).toBe(403);
    expect(unsignedWorker.body.type).toBe('urn:shouhu:problem:pledge-required');
  });
});

describe('who sees an activity', () => {
  it("shows the volunteer the organization's open activities without any child's data, and the guardian those for their children's area", async () => {
    // Prepare: one for town t1 (guardian A's children), one for village v3 (guardian B's child)
    const forT1 = await planned({ title: '河口镇六一活动' });
    const forV3 = await planned({ title: '石桥村成长小组', areaId: 'v3' });
    await h.call('POST', `/api/v1/activities/${forT1.id}/sign-ups`, { as: 'guardianA', json: { childId: 'child-a1' } });
    // Act
    const volunteerList = await h.call('GET', '/api/v1/activities', { as: 'volunteer' });
    const guardianA = await h.call('GET', '/api/v1/activities', { as: 'guardianA' });
    const guardianB = await h.call('GET', `/api/v1/activities/${forT1.id}`, { as: 'guardianB' });
    const volunteerDetail = await h.call('GET', `/api/v1/activities/${forT1.id}`, { as: 'volunteer' });
    const supervisor = await h.call('GET', `/api/v1/activities/${forT1.id}`, { as: 'supervisorT1' });
    // Assess
    const titles = (res: typeof volunteerList) => res.body.items.map((item: { title: string }) => item.title);
    expect(titles(volunteerList)).toEqual(expect.arrayContaining(['河口镇六一活动', '石桥村成长小组']));
    expect(titles(guardianA)).toContain('河口镇六一活动');
    expect(titles(guardianA)).not.toContain('石桥村成长小组');
    expect(guardianB.status).toBe(404);
    expect(supervisor.status).toBe(404);
    expect(volunteerDetail.status).toBe(200);
    expect(volunteerDetail.body.placesLeft).toBe(2);
    expect(volunteerDetail.body.signUps).toEqual([]);
    expect(volunteerDetail.text).not.toContain('李小明');
    expect(forV3.id).toBeTruthy();
  });
});

describe('signing up', () => {
  it('never takes more places than the capacity under concurrent sign-ups', async () => {
    // Prepare: capacity 3, eight signed volunteers at once
    const activity = await planned({ title: '并发报名', capacity: 3 });
    const tokens = await Promise.all(Array.from({ length: 8 }, (_, index) => tokenOf(extraVolunteer(`u-vol-c${index}`, NOW))));
    // Act
    const answers = await Promise.all(tokens.map((token) => h.call('POST', `/api/v1/activities/${activity.id}/sign-ups`, { token, json: {} })));
    // Assess
    const statuses = answers.map((res) => res.status).sort();
    expect(statuses.filter((status) => status === 201)).toHaveLength(3);
    expect(statuses.filter((status) => status === 422)).toHaveLength(5);
    const stored = await h.table.repositories.activities.get(activity.id);
    expect(stored?.signedUp).toBe(3);
    expect(await h.table.repositories.activities.listSignUps(activity.id)).toHaveLength(3);
    const detail = await h.call('GET', `/api/v1/activities/${activity.id}`, { as: 'orgAdmin' });
    expect(detail.body.placesLeft).toBe(0);
  });

  it('does nothing twice: a second sign-up of the same volunteer answers the first (200) and takes no second place', async () => {
    // Prepare
    const activity = await planned({ title: '重复报名' });
    // Act
    const first = await h.call('POST', `/api/v1/activities/${activity.id}/sign-ups`, { as: 'volunteer', json: {} });
    const writes = await h.writesOf(async () => {
      const again = await h.call('POST', `/api/v1/activities/${activity.id}/sign-ups`, { as: 'volunteer', json: {} });
      expect(again.status).toBe(200);
      expect(again.body.placesLeft).toBe(2);
    });
    // Assess
    expect(first.status).toBe(201);
    expect(first.body.signUpChoices).toEqual([expect.objectContaining({ kind: 'volunteer', signedUp: true })]);
    expect(writes.added).toEqual([]);
    expect(writes.removedOrChanged).toEqual([]);
  });

  it('R8: refuses a volunteer who has not signed the pledge with pledge-required, writing nothing', async () => {
    // Prepare
    const activity = await planned({ title: '承诺书' });
    const token = await tokenOf(extraVolunteer('u-vol-unsigned', null));
    // Act
    const writes = await h.writesOf(async () => {
      const res = await h.call('POST', `/api/v1/activities/${activity.id}/sign-ups`, { token, json: {} });
      // Assess
      expect(res.status).toBe(403);
      expect(res.body.type).toBe('urn:shouhu:problem:pledge-required');
    });
    expect(writes.added.filter((item) => item.entity !== 'audit')).toEqual([]);
  });

  it('lets a guardian sign up only a child of theirs the activity is for, and cancel it before the activity', async () => {
    // Prepare: for village v1 only (child-a1 and child-a2 live there; child-c1 is in v2 and not theirs)
    const activity = await planned({ title: '东湾村亲子', areaId: 'v1' });
    // Act
    const notTheirs = await h.call('POST', `/api/v1/activities/${activity.id}/sign-ups`, { as: 'guardianA', json: { childId: 'child-c1' } });
    const own = await h.call('POST', `/api/v1/activities/${activity.id}/sign-ups`, { as: 'guardianA', json: { childId: 'child-a2' } });
    const director = await h.call('POST', `/api/v1/activities/${activity.id}/sign-ups`, { as: 'orgAdmin', json: {} });
    const cancelled = await h.call('DELETE', `/api/v1/activities/${activity.id}/sign-ups/c-child-a2`, { as: 'guardianA' });
    // Assess
    expect(notTheirs.status).toBe(422);
    expect(notTheirs.body.field).toBe('childId');
    expect(own.status).toBe(201);
    expect(own.body.signUps).toEqual([{ id: 'c-child-a2', kind: 'child', name: '李小红', attended: false }]);
    expect(director.status).toBe(403);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.placesLeft).toBe(3);
    expect(cancelled.body.signUps).toEqual([]);
  });
});

describe('editing and cancelling', () => {
  it('edits over the version read (409 on a stale one), never below the places taken, and a cancellation closes sign-ups', async () => {
    // Prepare: two places taken
    const activity = await planned({ title: '修改取消', capacity: 3 });
    await h.call('POST', `/api/v1/activities/${activity.id}/sign-ups`, { as: 'volunteer', json: {} });
    await h.call('POST', `/api/v1/activities/${activity.id}/sign-ups`, { as: 'guardianA', json: { childId: 'child-a1' } });
    // Act
    const edited = await h.call('PUT', `/api/v1/activities/${activity.id}`, { as: 'socialWorkerPledged', json: { ...plan({ title: '修改后', capacity: 2 }), version: 1 } });
    const stale = await h.call('PUT', `/api/v1/activities/${activity.id}`, { as: 'orgAdmin', json: { ...plan({ capacity: 5 }), version: 1 } });
    const tooSmall = await h.call('PUT', `/api/v1/activities/${activity.id}`, { as: 'orgAdmin', json: { ...plan({ capacity: 1 }), version: 2 } });
    const volunteerCancels = await h.call('POST', `/api/v1/activities/${activity.id}/cancel`, { as: 'volunteer', json: { version: 2 } });
    const writes = await h.writesOf(async () => {
      const cancelled = await h.call('POST', `/api/v1/activities/${activity.id}/cancel`, { as: 'orgAdmin', json: { version: 2 } });
      expect(cancelled.status).toBe(200);
      expect(cancelled.body.status).toBe('cancelled');
    });
    const afterwards = await h.call('POST', `/api/v1/activities/${activity.id}/sign-ups`, { as: 'guardianA', json: { childId: 'child-a2' } });
    await h.drainEvents();
    const guardianInbox = await h.call('GET', '/api/v1/inbox', { as: 'guardianA' });
    const volunteerInbox = await h.call('GET', '/api/v1/inbox', { as: 'volunteer' });
    const outsiderInbox = await h.call('GET', '/api/v1/inbox', { as: 'guardianB' });
    // Assess
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: '修改后', capacity: 2, placesLeft: 0, version: 2 });
    expect(stale.status).toBe(409);
    expect([tooSmall.status, tooSmall.body.field]).toEqual([422, 'capacity']);
    expect(volunteerCancels.status).toBe(403);
    const event = writes.added.find((item) => item.entity === 'outbox') as { event: { detailType: string } };
    expect(event.event.detailType).toBe('ActivityCancelled');
    expect(afterwards.status).toBe(422);
    // Everyone signed up hears of it, once each; nobody else.
    const cancellations = (res: typeof guardianInbox) => res.body.items.filter((item: { kind: string }) => item.kind === 'activityCancelled');
    expect(cancellations(guardianInbox)).toEqual([expect.objectContaining({ activity: expect.objectContaining({ title: '修改后' }), childId: null })]);
    expect(cancellations(volunteerInbox)).toHaveLength(1);
    expect(cancellations(outsiderInbox)).toHaveLength(0);
  });
});

describe('attendance', () => {
  it('after the activity makes it held, counts it in the month of its date (R4 counters) and records ActivityHeld', async () => {
    // Prepare
    const activity = await planned({ title: '签到', areaId: 'v1', date: '2026-06-30', time: '23:30' });
    await h.call('POST', `/api/v1/activities/${activity.id}/sign-ups`, { as: 'volunteer', json: {} });
    await h.call('POST', `/api/v1/activities/${activity.id}/sign-ups`, { as: 'guardianA', json: { childId: 'child-a1' } });
    const early = await h.call('POST', `/api/v1/activities/${activity.id}/attendance`, { as: 'orgAdmin', json: { attended: ['u-u-volunteer'], version: 1 } });
    // Act: the next morning, 1 July in Beijing; the activity still counts in June
    h.setNow('2026-07-01T01:00:00.000Z');
    const writes = await h.writesOf(async () => {
      const res = await h.call('POST', `/api/v1/activities/${activity.id}/attendance`, {
        as: 'orgAdmin',
        json: { attended: ['u-u-volunteer', 'c-child-a1'], version: 1 },
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'held', signUps: [expect.objectContaining({ attended: true }), expect.objectContaining({ attended: true })] });
    });
    const again = await h.call('POST', `/api/v1/activities/${activity.id}/attendance`, { as: 'orgAdmin', json: { attended: [], version: 2 } });
    h.setNow(NOW);
    // Assess
    expect(early.status).toBe(422);
    expect(again.status).toBe(422);
    const counter = writes.added.find((item) => item.entity === 'monthlyCounter');
    expect(counter).toMatchObject({ pk: 'COUNTER#v1#2026-06', activitiesHeld: 1 });
    const event = writes.added.find((item) => item.entity === 'outbox') as { event: { detailType: string; detail: { attended: number } } };
    expect(event.event).toMatchObject({ detailType: 'ActivityHeld', detail: { attended: 2 } });
  });

  it('feeds the monthly roll-up: a town-wide activity held counts in the town, a village one in its village and town', async () => {
    // Prepare
    const townWide = await planned({ title: '全镇活动', areaId: 't1', date: '2026-06-10' });
    h.setNow('2026-06-10T08:00:00.000Z');
    await h.call('POST', `/api/v1/activities/${townWide.id}/attendance`, { as: 'orgAdmin', json: { attended: [], version: 1 } });
    // Act
    h.setNow(NOW);
    await rollUpMonth({ ...h.table.repositories, clock: () => new Date('2026-07-01T18:00:00.000Z') }, '2026-06');
    const reports = h.table.repositories.monthlyReports;
    const [town, village, district] = await Promise.all([reports.get('t1', '2026-06'), reports.get('v1', '2026-06'), reports.get('d1', '2026-06')]);
    h.setNow(NOW);
    // Assess: the village's activity of 30 June (above) and the town-wide one
    expect(village?.figures.activitiesHeld).toBe(1);
    expect(town?.figures.activitiesHeld).toBe(2);
    expect(district?.figures.activitiesHeld).toBe(2);
  });
});

describe("R5's yearly count", () => {
  it("is shown to the district's officer per organization and to the org admin, nobody else", async () => {
    // Act
    const officer = await h.call('GET', '/api/v1/activities/r5', { as: 'districtOfficer' });
    const admin = await h.call('GET', '/api/v1/activities/r5', { as: 'orgAdmin' });
    const volunteer = await h.call('GET', '/api/v1/activities/r5', { as: 'volunteer' });
    // Assess
    expect(officer.status).toBe(200);
    expect(officer.body.organizations).toEqual([expect.objectContaining({ organizationId: 'org1', held: 2, minimum: 2, met: true, behind: false })]);
    expect(admin.body.organizations).toHaveLength(1);
    expect(volunteer.status).toBe(403);
  });
});
