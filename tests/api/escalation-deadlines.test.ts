import { beforeEach, describe, expect, it } from 'vitest';
import { acknowledgeDeadlineOf } from '../../functions/src/events/deadlines.js';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { children, type SeededUser } from './support/seed-area.js';

/**
 * Issue 8, parts 3 to 5, through the API on one machine, the clock moved by the test: each level acknowledges a case
 * within the district's limit or is reminded and shown in red to the level above; an urgent report nobody acknowledged
 * goes to the supervisor, then to the district. Timers fire with `fireDueDeadlines()` (the poller of `npm start`) and
 * their events reach the consumers with `drainEvents()` (its relay).
 */
let h: ApiHarness;
beforeEach(async () => {
  h = await startApiHarness();
});

let keyCount = 0;
const newKey = () => `deadline-key-${(keyCount += 1)}-${Date.now()}`;
const form = { problem: '孩子长期独自在家', tried: '联系亲属未果', helpNeeded: '临时照料', urgent: false };

async function raiseCase(body = form): Promise<string> {
  const res = await h.call('POST', `/api/v1/children/${children.a1.id}/escalations`, { as: 'socialWorkerPledged', json: body, headers: { 'idempotency-key': newKey() } });
  expect(res.status).toBe(201);
  await h.drainEvents();
  return res.body.id;
}
const inboxOf = async (as: SeededUser) => (await h.call('GET', '/api/v1/inbox', { as })).body.items as { kind: string; escalationId: string | null; case: unknown }[];
const queueOf = async (as: SeededUser) => (await h.call('GET', '/api/v1/escalations', { as })).body;
/** The clock moves; what fell due fires; its events reach their consumers. */
async function hoursPass(hours: number): Promise<string[]> {
  h.advanceHours(hours);
  const fired = await h.fireDueDeadlines();
  await h.drainEvents();
  return fired;
}

describe("a level's acknowledgement deadline", () => {
  it('missed: the supervisor is reminded once, the case is overdue in the town queue and shown in red to the district', async () => {
    const id = await raiseCase();
    expect((await inboxOf('supervisorT1')).map((m) => [m.kind, m.escalationId])).toEqual([['escalationRaised', id]]);
    expect((await inboxOf('directorV1')).map((m) => m.kind)).toEqual(['escalationRaised']);
    expect((await inboxOf('orgAdmin')).map((m) => m.kind)).toEqual(['escalationRaised']);

    expect(await hoursPass(71.9)).toEqual([]);
    expect((await queueOf('districtOfficer')).overdueBelow).toEqual([]);
    expect(await hoursPass(0.1)).toEqual([`escalation-town-ack-${id}`]);

    expect((await inboxOf('supervisorT1')).map((m) => m.kind)).toEqual(['escalationOverdue', 'escalationRaised']);
    const town = await queueOf('supervisorT1');
    expect([town.queue[0].overdue, town.counts.overdue]).toEqual([true, 1]);
    const district = await queueOf('districtOfficer');
    expect(district.overdueBelow.map((line: { id: string; level: string; overdue: boolean }) => [line.id, line.level, line.overdue])).toEqual([[id, 'town', true]]);
    expect(district.counts.overdueBelow).toBe(1);

    // EventBridge Scheduler delivers at least once: the same deadline again reminds nobody again.
    await h.deliverAgain([acknowledgeDeadlineOf({ subject: 'escalation', subjectId: id, level: 'town' }, new Date()).event]);
    await h.drainEvents();
    expect(await inboxOf('supervisorT1')).toHaveLength(2);
    const trail = (await h.call('GET', `/api/v1/escalations/${id}`, { as: 'supervisorT1' })).body.trail;
    expect(trail.map((s: { action: string; byName: string | null }) => [s.action, s.byName])).toEqual([
      ['raised', '吴社工'],
      ['overdue', null],
    ]);

    // Acknowledged late, it is no longer overdue anywhere.
    await h.call('POST', `/api/v1/escalations/${id}/steps`, { as: 'supervisorT1', json: { action: 'acknowledge', version: 2 } });
    expect((await queueOf('districtOfficer')).overdueBelow).toEqual([]);
    expect((await queueOf('supervisorT1')).counts.overdue).toBe(0);
  });

  it('met (acknowledged in time): the deadline fires and does nothing', async () => {
    const id = await raiseCase();
    h.advanceHours(10);
    await h.call('POST', `/api/v1/escalations/${id}/steps`, { as: 'supervisorT1', json: { action: 'acknowledge', version: 1 } });

    expect(await hoursPass(70)).toEqual([`escalation-town-ack-${id}`]);

    expect((await inboxOf('supervisorT1')).map((m) => m.kind)).toEqual(['escalationRaised']);
    expect((await h.call('GET', `/api/v1/escalations/${id}`, { as: 'supervisorT1' })).body).toMatchObject({ version: 2, overdue: false });
  });

  it('raised to the district, the district gets its own limit, from when the case reaches it', async () => {
    const id = await raiseCase({ ...form, urgent: true });
    await h.call('POST', `/api/v1/escalations/${id}/steps`, { as: 'supervisorT1', json: { action: 'acknowledge', version: 1 } });
    h.advanceHours(5);
    await h.call('POST', `/api/v1/escalations/${id}/steps`, { as: 'supervisorT1', json: { action: 'raise', note: '需区里协调', version: 2 } });
    await h.drainEvents();
    // The page words a message from the case as it is now; the text as delivered keeps the deadline.
    const delivered = await h.table.repositories.inbox.list([{ kind: 'district', districtId: 'd1' }], 10);
    expect(delivered.map((m) => m.text)).toEqual(['李小明的疑难个案已提请区民政局（紧急），请于2026年3月11日 15:00前受理']);
    expect((await inboxOf('districtOfficer')).map((m) => m.case)).toEqual([{ childName: '李小明', level: 'district', status: 'raised', urgent: true }]);

    // The town's own deadline (24 hours from the raise) comes meanwhile: met, it reminds nobody.
    expect(await hoursPass(23.9)).toEqual([`escalation-town-ack-${id}`]);
    expect((await inboxOf('supervisorT1')).map((m) => m.kind)).toEqual(['escalationRaised']);
    expect(await hoursPass(0.1)).toEqual([`escalation-district-ack-${id}`]);
    expect((await inboxOf('districtOfficer')).map((m) => m.kind)).toEqual(['escalationOverdue', 'escalationRaised']);
    expect((await queueOf('cityOfficer')).overdueBelow.map((line: { id: string }) => line.id)).toEqual([id]);
  });

  it("follows the district's own limits, set with its policy; a change that leaves them out keeps them", async () => {
    const current = (await h.call('GET', '/api/v1/districts/d1/policy', { as: 'districtOfficer' })).body;
    const put = await h.call('PUT', '/api/v1/districts/d1/policy', {
      as: 'districtOfficer',
      json: { ruleIds: current.ruleIds, unconfirmedAfterDays: 3, acknowledgeLimits: { urgentEscalationHours: 12 }, version: current.version },
    });
    expect(put.body.acknowledgeLimits).toEqual({ urgentEscalationHours: 12 });
    const again = await h.call('PUT', '/api/v1/districts/d1/policy', {
      as: 'districtOfficer',
      json: { ruleIds: current.ruleIds, unconfirmedAfterDays: 5, version: put.body.version },
    });
    expect(again.body).toMatchObject({ unconfirmedAfterDays: 5, acknowledgeLimits: { urgentEscalationHours: 12 } });
    // The policy page reads them back from the GET it loads.
    const read = await h.call('GET', '/api/v1/districts/d1/policy', { as: 'districtOfficer' });
    expect(read.body).toMatchObject({ version: again.body.version, acknowledgeLimits: { urgentEscalationHours: 12 } });

    const id = await raiseCase({ ...form, urgent: true });
    expect((await h.call('GET', `/api/v1/escalations/${id}`, { as: 'supervisorT1' })).body.acknowledgeBy).toBe('2026-03-10T14:00:00.000Z');
    expect(await hoursPass(12)).toEqual([`escalation-town-ack-${id}`]);
  });
});

describe("an urgent report's acknowledgement deadline (part 3)", () => {
  const report = { childDescription: '约8岁的男孩', villageId: 'v1', kinds: ['leftAloneAtHome'], urgent: true, description: '连续三晚一个人在家' };
  const reportPublicly = async () => {
    const res = await h.call('POST', '/api/v1/public/concerns', { json: report, headers: { 'idempotency-key': newKey() }, remoteAddress: '203.0.113.7' });
    expect(res.status).toBe(201);
    await h.drainEvents();
  };
  const raisedTo = async () => (await h.call('GET', '/api/v1/concerns', { as: 'districtOfficer' })).body.queue.map((c: { raisedTo: string | null }) => c.raisedTo);

  it('missed: raised to the supervisor after 2 hours, to the district 2 hours later, once each', async () => {
    await reportPublicly();

    expect(await hoursPass(1.9)).toEqual([]);
    expect(await hoursPass(0.1)).toHaveLength(1);
    expect(await raisedTo()).toEqual(['town']);
    expect(await hoursPass(2)).toHaveLength(1);
    expect(await raisedTo()).toEqual(['district']);
    expect(await hoursPass(48)).toEqual([]);
    expect(await raisedTo()).toEqual(['district']);
  });

  it('met (the director acknowledged it in time): never raised', async () => {
    await reportPublicly();
    const [line] = (await h.call('GET', '/api/v1/concerns', { as: 'directorV1' })).body.queue;
    h.advanceHours(1);
    expect((await h.call('POST', `/api/v1/concerns/${line.id}/steps`, { as: 'directorV1', json: { to: 'acknowledged', version: 1 } })).status).toBe(200);

    expect(await hoursPass(1)).toHaveLength(1);
    expect(await hoursPass(10)).toEqual([]);
    expect(await raisedTo()).toEqual([null]);
  });
});
