import { beforeAll, describe, expect, it } from 'vitest';
import { sessionTokensFor } from '../../functions/src/api/app.js';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { children, users, type SeededUser } from './support/seed-area.js';
import { dueOf } from './support/visits.js';

/**
 * The obligations index (issue 3, part 2) through the API: each list is one query; the child's obligations move in
 * the transaction of the change that moves them (risk level R14, team R1, the district's policy). The seeded
 * children were registered on 2026-03-10; the clock starts that day.
 */
let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness();
});

async function obligationsOf(childId: string) {
  const res = await h.call('GET', `/api/v1/children/${childId}/obligations`, { as: 'districtOfficer' });
  expect(res.status).toBe(200);
  return res.body.items as { kind: string; performer: string; dueDate: string; ruleId: string; reason: string; alsoRequiredBy: string[]; assigneeId: string | null }[];
}

const homeVisitOfSocialWorker = (items: Awaited<ReturnType<typeof obligationsOf>>) =>
  items.find((item) => item.kind === 'homeVisit' && item.performer === 'socialWorker');

describe('what a child is due', () => {
  it('names each obligation’s rule and why, strictest rule winning (R3 and R14 for a red child)', async () => {
    const items = await obligationsOf(children.a1.id);

    expect(homeVisitOfSocialWorker(items)).toMatchObject({
      dueDate: '2026-04-10',
      ruleId: 'R3',
      alsoRequiredBy: ['R14'],
      assigneeId: users.socialWorkerPledged.id,
      overdueDays: 0,
      childName: children.a1.name,
      villageName: '东湾村',
    });
    expect(items.find((item) => item.kind === 'contact' && item.performer === 'director')).toMatchObject({
      ruleId: 'R11',
      reason: '儿童主任：每月至少联系一次（R11）',
      assigneeId: users.directorV1.id,
    });
  });

  it('is not shown to guardians (403) nor to strangers (404)', async () => {
    expect((await h.call('GET', `/api/v1/children/${children.a1.id}/obligations`, { as: 'guardianA' })).status).toBe(403);
    expect((await h.call('GET', `/api/v1/children/${children.a1.id}/obligations`, { as: 'directorV3' })).status).toBe(404);
  });
});

describe('a worker’s due list (GET /obligations/mine)', () => {
  it('lists the worker’s own obligations, overdue ones first with their days overdue', async () => {
    h.setNow('2026-04-15T02:00:00.000Z');

    const items = await dueOf(h, 'socialWorkerPledged', 14);

    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.assigneeId === users.socialWorkerPledged.id)).toBe(true);
    // Issue 7, B7: whose duty it is, by name.
    expect(items.every((item) => item.assigneeName === users.socialWorkerPledged.name)).toBe(true);
    expect(new Set(items.map((item) => item.childId))).toEqual(new Set([children.a1.id, children.c1.id]));
    expect(items[0]).toMatchObject({ dueDate: '2026-04-10', overdueDays: 5 });
    const dates = items.map((item) => item.dueDate);
    expect([...dates].sort()).toEqual(dates);
    h.setNow('2026-03-10T02:00:00.000Z');
  });

  it('keeps to the window asked for', async () => {
    expect(await dueOf(h, 'directorV1', 0)).toEqual([]);
    const month = await dueOf(h, 'directorV1', 31);
    expect(month.map((item) => `${item.childId} ${item.kind}`).sort()).toEqual([`${children.a1.id} contact`]);
  });

  it('is for social workers and directors only', async () => {
    for (const who of ['guardianA', 'supervisorT1', 'volunteer', 'districtOfficer', 'socialWorkerUnpledged'] as const) {
      expect((await h.call('GET', '/api/v1/obligations/mine', { as: who })).status).toBe(403);
    }
    expect((await h.call('GET', '/api/v1/obligations/mine?within=63', { as: 'directorV1' })).status).toBe(400);
  });
});

describe('a town’s day (GET /towns/{id}/obligations?date=)', () => {
  it('lists what falls due that day across the town, children without a team included (unassigned)', async () => {
    const res = await h.call('GET', '/api/v1/towns/t1/obligations?date=2026-04-10', { as: 'supervisorT1' });

    expect(res.status).toBe(200);
    const items = res.body.items as { childId: string; dueDate: string; assigneeId: string | null }[];
    expect(new Set(items.map((item) => item.childId))).toEqual(new Set([children.a1.id, children.a2.id, children.c1.id]));
    expect(items.every((item) => item.dueDate === '2026-04-10')).toBe(true);
    expect(items.filter((item) => item.childId === children.a2.id).every((item) => item.assigneeId === null)).toBe(true);
  });

  it('is for the town’s supervisor and the officers above it', async () => {
    const statusOf = async (who: SeededUser) =>
      (await h.call('GET', '/api/v1/towns/t1/obligations?date=2026-04-10', { as: who })).status;
    expect(await statusOf('districtOfficer')).toBe(200);
    expect(await statusOf('cityOfficer')).toBe(200);
    expect(await statusOf('supervisorT2')).toBe(404);
    expect(await statusOf('directorV1')).toBe(403);
    expect(await statusOf('guardianA')).toBe(403);
    expect((await h.call('GET', '/api/v1/towns/t1/obligations?date=2026-02-30', { as: 'supervisorT1' })).status).toBe(400);
  });
});

describe('obligations move with the change that moves them', () => {
  it('follows a team assignment: the new social worker’s list gains the child (R1)', async () => {
    // Prepare: a2 has no team, so its obligations are nobody's yet.
    expect((await dueOf(h, 'socialWorkerPledged')).some((item) => item.childId === children.a2.id)).toBe(false);
    const child = await h.table.repositories.children.get(children.a2.id);

    // Act
    const res = await h.call('PUT', `/api/v1/children/${children.a2.id}/team`, {
      as: 'supervisorT1',
      json: { version: child!.version, team: { supervisorId: users.supervisorT1.id, directorId: users.directorV1.id, socialWorkerId: users.socialWorkerPledged.id } },
    });

    // Assess
    expect(res.status).toBe(200);
    const mine = await dueOf(h, 'socialWorkerPledged');
    expect(mine.filter((item) => item.childId === children.a2.id).map((item) => item.kind)).toContain('homeVisit');
    expect((await dueOf(h, 'directorV1')).some((item) => item.childId === children.a2.id)).toBe(true);
  });

  it('follows a policy change by the district officer, for every child of the district, once the job has run', async () => {
    // Prepare: R3 makes c1's social-worker home visit monthly.
    expect(homeVisitOfSocialWorker(await obligationsOf(children.c1.id))).toMatchObject({ ruleId: 'R3', dueDate: '2026-04-10' });
    const current = await h.call('GET', '/api/v1/districts/d1/policy', { as: 'districtOfficer' });

    // Act: the district drops R3; R14 remains, half-yearly for a yellow child.
    const res = await h.call('PUT', '/api/v1/districts/d1/policy', {
      as: 'districtOfficer',
      json: { ruleIds: ['R11', 'R14', 'R19', 'R21'], unconfirmedAfterDays: 3, version: current.body.version },
    });

    // Assess: saved, with the district's four children still to recompute; until the job runs they keep what the
    // policy before asked (issue 9, part 2: no recomputation inside the request).
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      districtId: 'd1',
      ruleIds: ['R11', 'R14', 'R19', 'R21'],
      version: current.body.version + 1,
      updatedBy: users.districtOfficer.id,
      refresh: { policyVersion: current.body.version + 1, status: 'running', done: 0, total: 4, finishedAt: null },
    });
    expect(homeVisitOfSocialWorker(await obligationsOf(children.c1.id))).toMatchObject({ ruleId: 'R3', dueDate: '2026-04-10' });
    const waiting = await h.call('GET', '/api/v1/districts/d1/policy', { as: 'districtOfficer' });
    expect(waiting.body.refresh).toMatchObject({ status: 'running', done: 0, total: 4 });

    // Act: the relay hands PolicyChanged to the job.
    await h.drainEvents();

    // Assess
    expect(homeVisitOfSocialWorker(await obligationsOf(children.c1.id))).toMatchObject({ ruleId: 'R14', dueDate: '2026-09-10', reason: '黄色等级：每半年入户一次（R14）' });
    expect(homeVisitOfSocialWorker(await obligationsOf(children.b1.id))).toMatchObject({ ruleId: 'R14' });
    // The town's day of 2026-04-10 lost the social workers' home visits of the yellow children.
    const day = await h.call('GET', '/api/v1/towns/t1/obligations?date=2026-04-10', { as: 'supervisorT1' });
    expect(day.body.items.some((item: { childId: string; kind: string; performer: string }) => item.childId === children.c1.id && item.kind === 'homeVisit' && item.performer === 'socialWorker')).toBe(false);
    // The officer's page sees the job done.
    const read = await h.call('GET', '/api/v1/districts/d1/policy', { as: 'districtOfficer' });
    expect(read.body.refresh).toEqual({ policyVersion: current.body.version + 1, status: 'done', done: 4, total: 4, startedAt: res.body.refresh.startedAt, finishedAt: expect.any(String) });
  });

  it('follows a risk grade raised from green to red: R14’s home visit comes due five months earlier', async () => {
    // Prepare (policy of the previous test: R14 without R3): graded green, half-yearly like yellow.
    // Issue 12 (R18): the level is no longer typed in; the town's supervisor overrides it with a reason.
    const grade = async (riskLevel: string) => {
      const child = await h.table.repositories.children.get(children.c1.id);
      return h.call('POST', `/api/v1/children/${children.c1.id}/risk-override`, {
        as: 'supervisorT1',
        json: { version: child!.version, riskLevel, reason: '家庭情况变化' },
      });
    };
    expect((await grade('green')).status).toBe(200);
    expect(homeVisitOfSocialWorker(await obligationsOf(children.c1.id))).toMatchObject({ dueDate: '2026-09-10', reason: '绿色等级：每半年入户一次（R14）' });

    // Act: the supervisor's override (R14, R18).
    const res = await grade('red');

    // Assess
    expect(res.status).toBe(200);
    expect(homeVisitOfSocialWorker(await obligationsOf(children.c1.id))).toMatchObject({ dueDate: '2026-04-10', ruleId: 'R14', reason: '红色等级：每月入户一次（R14）' });
    expect((await dueOf(h, 'socialWorkerPledged', 31)).some((item) => item.childId === children.c1.id && item.kind === 'homeVisit')).toBe(true);
  });

  it('ends with the child’s case: a closed child is due nothing', async () => {
    const child = await h.table.repositories.children.get(children.c1.id);
    const res = await h.call('PATCH', `/api/v1/children/${children.c1.id}`, { as: 'supervisorT1', json: { version: child!.version, changes: { status: 'closed' } } });
    expect(res.status).toBe(200);
    expect(await obligationsOf(children.c1.id)).toEqual([]);
    expect((await dueOf(h, 'socialWorkerPledged')).some((item) => item.childId === children.c1.id)).toBe(false);
  });
});

describe('the district policy (GET and PUT /districts/{id}/policy)', () => {
  it('answers the national rules for a district that never chose (version 0, not chosen)', async () => {
    // d2 has no stored policy; the city officer may read it.
    const res = await h.call('GET', '/api/v1/districts/d2/policy', { as: 'cityOfficer' });
    expect(res.status).toBe(200);
    // Nor has anything been recomputed for it: no refresh.
    expect(res.body).toEqual({ districtId: 'd2', ruleIds: ['R19', 'R20', 'R21'], unconfirmedAfterDays: 3, updatedAt: null, updatedBy: null, version: 0, chosen: false, refresh: null });
    // d1's was stored by the seed (and changed by the tests above).
    const chosen = await h.call('GET', '/api/v1/districts/d1/policy', { as: 'cityOfficer' });
    expect(chosen.body.chosen).toBe(true);
    expect(chosen.body.version).toBeGreaterThan(0);
  });

  it('is read by the district’s staff, not by others', async () => {
    const statusOf = async (who: SeededUser, district = 'd1') =>
      (await h.call('GET', `/api/v1/districts/${district}/policy`, { as: who })).status;
    for (const who of ['districtOfficer', 'cityOfficer', 'directorV1', 'supervisorT2', 'socialWorkerPledged', 'orgAdmin'] as const) {
      expect(await statusOf(who)).toBe(200);
    }
    expect(await statusOf('guardianA')).toBe(403);
    expect(await statusOf('volunteer')).toBe(403);
    expect(await statusOf('socialWorkerUnpledged')).toBe(403);
    expect(await statusOf('districtOfficer', 'd2')).toBe(404);
    expect(await statusOf('districtOfficer', 'no-such-district')).toBe(404);
    expect(await statusOf('districtOfficer', 't1')).toBe(404);
  });

  it('is changed by the district’s own officer only, against the version read', async () => {
    const current = await h.call('GET', '/api/v1/districts/d1/policy', { as: 'districtOfficer' });
    const body = { ruleIds: ['R3', 'R11', 'R14'], unconfirmedAfterDays: 5, version: current.body.version };

    for (const who of ['cityOfficer', 'supervisorT1', 'directorV1', 'socialWorkerPledged'] as const) {
      expect((await h.call('PUT', '/api/v1/districts/d1/policy', { as: who, json: body })).status).toBe(403);
    }
    expect((await h.call('PUT', '/api/v1/districts/d1/policy', { as: 'guardianA', json: body })).status).toBe(403);
    const otherOfficer = { ...users.districtOfficer, id: 'u-district-d2', scope: { level: 'district' as const, regionId: 'd2' } };
    await h.table.repositories.users.create({ ...otherOfficer, wechatOpenId: null });
    const token = (await sessionTokensFor(h.deps).issue(otherOfficer)).token;
    expect((await h.call('PUT', '/api/v1/districts/d1/policy', { token, json: body })).status).toBe(404);
    expect((await h.call('GET', '/api/v1/districts/d1/policy', { as: 'districtOfficer' })).body.version).toBe(current.body.version);

    const ok = await h.call('PUT', '/api/v1/districts/d1/policy', { as: 'districtOfficer', json: body });
    const stale = await h.call('PUT', '/api/v1/districts/d1/policy', { as: 'districtOfficer', json: body });
    expect([ok.status, stale.status]).toEqual([200, 409]);
    expect(stale.body.field).toBe('version');
  });

  it('refuses unknown or repeated rules naming the field', async () => {
    const current = await h.call('GET', '/api/v1/districts/d1/policy', { as: 'districtOfficer' });
    const bad = await h.call('PUT', '/api/v1/districts/d1/policy', { as: 'districtOfficer', json: { ruleIds: ['R99'], unconfirmedAfterDays: 3, version: current.body.version } });
    const twice = await h.call('PUT', '/api/v1/districts/d1/policy', { as: 'districtOfficer', json: { ruleIds: ['R3', 'R3'], unconfirmedAfterDays: 3, version: current.body.version } });
    expect([bad.status, bad.body.field]).toEqual([400, 'ruleIds.0']);
    expect([twice.status, twice.body.field]).toEqual([400, 'ruleIds']);
  });

  it('offers the catalogue of rules to staff (GET /policy/rules)', async () => {
    const res = await h.call('GET', '/api/v1/policy/rules', { as: 'directorV1' });
    expect(res.status).toBe(200);
    expect(res.body.rules.map((rule: { id: string }) => rule.id)).toEqual(['R3', 'R11', 'R14', 'R19', 'R20', 'R21']);
    expect(res.body.rules[0]).toEqual({ id: 'R3', seed: '000 §五.4', title: expect.any(String), description: expect.any(String) });
    expect((await h.call('GET', '/api/v1/policy/rules', { as: 'guardianA' })).status).toBe(403);
  });
});
