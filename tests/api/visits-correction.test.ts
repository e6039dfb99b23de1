import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { domainEventSchema } from '../../functions/src/events/domain-events.js';
import { startApiHarness, type ApiHarness, type ApiResponse } from './support/api-harness.js';
import { children, users, type SeededUser } from './support/seed-area.js';
import { AFTER_VISIT, homeVisitBody, itemsOfChild, postAnswer, postCheckIn } from './support/visits.js';

/**
 * POST …/visits/{visitId}/corrections and …/withdrawal (issue 7, B3): the author corrects or withdraws their own
 * check-in within a week, with a reason; the original stays on the chain, the change is appended, and what the
 * child is due and the month's counters follow, with VisitCorrected, in one transaction.
 */
let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness();
  h.setNow(AFTER_VISIT);
});

const correct = (who: SeededUser, childId: string, visitId: string, body: unknown): Promise<ApiResponse> =>
  h.call('POST', `/api/v1/children/${childId}/visits/${visitId}/corrections`, { as: who, json: body });
const withdraw = (who: SeededUser, childId: string, visitId: string, body: unknown): Promise<ApiResponse> =>
  h.call('POST', `/api/v1/children/${childId}/visits/${visitId}/withdrawal`, { as: who, json: body });

async function counters(month: string) {
  const { Item } = await h.table.client.send(new GetCommand({ TableName: h.table.tableName, Key: { pk: `COUNTER#v2#${month}`, sk: 'COUNTER' } }));
  return { visits: Number(Item?.visits ?? 0), homeVisits: Number(Item?.homeVisits ?? 0), r3Met: Number(Item?.r3Met ?? 0), r3Short: Number(Item?.r3Short ?? 0) };
}

async function socialWorkerHomeVisitOf(childId: string) {
  const res = await h.call('GET', `/api/v1/children/${childId}/obligations`, { as: 'supervisorT1' });
  return res.body.items.find((item: { kind: string; performer: string }) => item.kind === 'homeVisit' && item.performer === 'socialWorker') as {
    dueDate: string;
    lastCompletedOn: string | null;
  };
}

const intact = async (childId: string) => (await h.call('GET', `/api/v1/children/${childId}/visits/integrity`, { as: 'supervisorT1' })).body;

/**
 * A full R3 visit of c1 (village v2, the pledged social worker's) of two and a half hours from `startHour`: the
 * worker's monthly visit is done with it.
 */
async function visitOfC1(day: string, startHour = 9) {
  const at = (hour: number, minute: string) => `2026-04-${day}T${String(hour).padStart(2, '0')}:${minute}:00+08:00`;
  const res = await postCheckIn(h, 'socialWorkerPledged', children.c1.id, homeVisitBody({
    startedAt: at(startHour, '00'),
    endedAt: at(startHour + 2, '30'),
    participantIds: [users.socialWorkerPledged.id, users.directorV2.id],
  }));
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number };
}

describe('the author corrects a check-in', () => {
  it('keeps the first values, appends the correction to the chain, and judges R3 again: the monthly visit is due again', async () => {
    // Prepare: registered 03-10, so before any visit R3's visit is due 04-10; this one moves it to 05-01.
    const visit = await visitOfC1('01');
    expect(await socialWorkerHomeVisitOf(children.c1.id)).toMatchObject({ lastCompletedOn: '2026-04-01', dueDate: '2026-05-01' });
    const before = await counters('2026-04');

    // Act: it lasted an hour, not two and a half.
    let res: ApiResponse | undefined;
    const writes = await h.writesOf(async () => {
      res = await correct('socialWorkerPledged', children.c1.id, visit.id, {
        version: visit.version,
        reason: '结束时间填错了',
        changes: { endedAt: '2026-04-01T10:00:00+08:00', notes: homeVisitBody().notes },
      });
    });

    // Assess
    expect(res!.status).toBe(200);
    expect(res!.body).toMatchObject({
      endedAt: '2026-04-01T10:00:00+08:00',
      r3: { applies: true, met: false, shortfalls: ['入户时长不足2小时（实际60分钟）'] },
      asRecorded: { endedAt: '2026-04-01T11:30:00+08:00', r3: { met: true } },
      corrections: [{ kind: 'corrected', byUserId: users.socialWorkerPledged.id, reason: '结束时间填错了', changedFields: ['endedAt'] }],
      version: visit.version + 1,
    });
    expect(await socialWorkerHomeVisitOf(children.c1.id)).toMatchObject({ lastCompletedOn: null, dueDate: '2026-04-10' });
    expect(await counters('2026-04')).toEqual({ ...before, r3Met: before.r3Met - 1, r3Short: before.r3Short + 1 });
    expect((await itemsOfChild(h, children.c1.id, 'CHAIN#')).at(-1)).toMatchObject({ kind: 'correction', visitId: visit.id });
    expect(await intact(children.c1.id)).toMatchObject({ intact: true });
    const events = writes.added.filter((item) => item.entity === 'outbox').map((item) => domainEventSchema.parse(item.event));
    expect(events).toEqual([
      expect.objectContaining({ detailType: 'VisitCorrected', detail: expect.objectContaining({ visitId: visit.id, change: 'corrected' }) }),
    ]);
    expect(JSON.stringify(events)).not.toContain('填错');
  });

  it('moves the visit between months in the counters when its date is corrected', async () => {
    const visit = await visitOfC1('02');
    const [march, april] = [await counters('2026-03'), await counters('2026-04')];

    const res = await correct('socialWorkerPledged', children.c1.id, visit.id, {
      version: visit.version,
      reason: '日期选错了',
      changes: { startedAt: '2026-03-31T09:00:00+08:00', endedAt: '2026-03-31T11:30:00+08:00' },
    });

    expect(res.status).toBe(200);
    expect(await counters('2026-03')).toEqual({ ...march, visits: march.visits + 1, homeVisits: march.homeVisits + 1, r3Met: march.r3Met + 1 });
    expect(await counters('2026-04')).toEqual({ ...april, visits: april.visits - 1, homeVisits: april.homeVisits - 1, r3Met: april.r3Met - 1 });
    expect(await intact(children.c1.id)).toMatchObject({ intact: true });
  });

  it('still names whoever the first record said came, after a correction took them off', async () => {
    const visit = await visitOfC1('01', 13);

    const res = await correct('socialWorkerPledged', children.c1.id, visit.id, {
      version: visit.version,
      reason: '儿童主任那天没有去',
      changes: { participantIds: [users.socialWorkerPledged.id] },
    });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      participantIds: [users.socialWorkerPledged.id],
      asRecorded: { participantIds: [users.socialWorkerPledged.id, users.directorV2.id] },
      names: { [users.directorV2.id]: users.directorV2.name },
    });
  });

  it('keeps the guardian’s confirmation, and shows the guardian that the record changed after it, without the reason', async () => {
    const visit = await postCheckIn(h, 'socialWorkerPledged', children.a1.id, homeVisitBody());
    expect((await postAnswer(h, 'guardianA', children.a1.id, visit.body.id, { decision: 'confirm', version: 1 })).status).toBe(200);
    h.advanceSeconds(600);

    const res = await correct('socialWorkerPledged', children.a1.id, visit.body.id, {
      version: 2,
      reason: '补充服务内容，并更正问题记录',
      changes: { services: ['dailyCare'], problemsFound: '冬衣不足，已联系村委会' },
    });

    expect(res.status).toBe(200);
    const guardianView = await h.call('GET', `/api/v1/children/${children.a1.id}/visits/${visit.body.id}`, { as: 'guardianA' });
    expect(guardianView.body).toMatchObject({
      confirmation: { state: 'confirmed', byUserId: users.guardianA.id },
      services: ['dailyCare'],
      corrections: [{ kind: 'corrected', changedFields: ['services'] }],
    });
    expect(guardianView.body.corrections[0]).not.toHaveProperty('reason');
    expect(Date.parse(guardianView.body.corrections[0].at)).toBeGreaterThan(Date.parse(guardianView.body.confirmation.at));
  });
});

describe('the author withdraws a check-in', () => {
  it('keeps it on record, takes it out of what the child completed, the counters and the guardian’s list', async () => {
    // Prepare
    const earlier = await visitOfC1('01', 6);
    const visit = await visitOfC1('02', 5);
    expect(await socialWorkerHomeVisitOf(children.c1.id)).toMatchObject({ lastCompletedOn: '2026-04-02' });
    const before = await counters('2026-04');

    // Act
    let res: ApiResponse | undefined;
    const writes = await h.writesOf(async () => {
      res = await withdraw('socialWorkerPledged', children.c1.id, visit.id, { version: visit.version, reason: '重复登记了同一次走访' });
    });

    // Assess
    expect(res!.status).toBe(200);
    expect(res!.body).toMatchObject({ corrections: [{ kind: 'withdrawn', reason: '重复登记了同一次走访', changedFields: [] }], actions: { amend: false } });
    expect(await socialWorkerHomeVisitOf(children.c1.id)).toMatchObject({ lastCompletedOn: '2026-04-01' });
    expect(await counters('2026-04')).toEqual({ visits: before.visits - 1, homeVisits: before.homeVisits - 1, r3Met: before.r3Met - 1, r3Short: before.r3Short });
    expect((await itemsOfChild(h, children.c1.id, 'CHAIN#')).at(-1)).toMatchObject({ kind: 'withdrawal', visitId: visit.id });
    expect(await intact(children.c1.id)).toMatchObject({ intact: true });
    expect(writes.added.filter((item) => item.entity === 'outbox').map((item) => (item.event as { detail: { change: string } }).detail.change)).toEqual(['withdrawn']);
    // Five days on, the earlier visit is listed as unanswered; the withdrawn one asks nobody for an answer.
    h.advanceSeconds(5 * 86_400);
    const later = await h.call('GET', '/api/v1/towns/t1/visits/attention?state=unconfirmed', { as: 'supervisorT1' });
    h.advanceSeconds(-5 * 86_400);
    const ids = later.body.items.map((item: { id: string }) => item.id);
    expect(ids).toContain(earlier.id);
    expect(ids).not.toContain(visit.id);
  });

  it('is no longer offered to the guardian to answer, and an answer sent anyway is refused with 409', async () => {
    const visit = await postCheckIn(h, 'socialWorkerPledged', children.a1.id, homeVisitBody({ startedAt: '2026-04-02T06:00:00+08:00', endedAt: '2026-04-02T08:30:00+08:00' }));
    expect((await withdraw('socialWorkerPledged', children.a1.id, visit.body.id, { version: 1, reason: '登记错了儿童' })).status).toBe(200);

    const pending = await h.call('GET', '/api/v1/visits/pending-confirmation', { as: 'guardianA' });
    expect(pending.body.items.map((item: { id: string }) => item.id)).not.toContain(visit.body.id);
    expect((await postAnswer(h, 'guardianA', children.a1.id, visit.body.id, { decision: 'confirm', version: 2 })).status).toBe(409);
    expect((await withdraw('socialWorkerPledged', children.a1.id, visit.body.id, { version: 2, reason: '再撤回一次' })).status).toBe(409);
  });
});

describe('who may correct or withdraw', () => {
  const cases: [SeededUser, number][] = [
    ['directorV1', 403], // may record visits of the child, but this one is the social worker's
    ['supervisorT1', 403],
    ['guardianA', 403],
    ['districtOfficer', 403],
    ['orgAdmin', 403],
    ['cityOfficer', 403],
    ['guardianB', 404],
    ['directorV2', 404],
    ['supervisorT2', 404],
    ['socialWorkerUnpledged', 403], // R8 (issue 11): pledge-required, not 404
    ['volunteer', 404],
  ];

  it.each(cases)('%s gets %i, and only the refusal is recorded', async (who, status) => {
    const visit = await postCheckIn(h, 'socialWorkerPledged', children.a1.id, homeVisitBody({ startedAt: '2026-04-02T05:00:00+08:00', endedAt: '2026-04-02T07:30:00+08:00' }));
    const attempts = [
      [correct, 'visit.correct', { version: 1, reason: '改一下', changes: { notes: '别人改的' } }],
      [withdraw, 'visit.withdraw', { version: 1, reason: '撤回别人的' }],
    ] as const;
    for (const [attempt, action, attemptBody] of attempts) {
      let res: ApiResponse | undefined;
      const writes = await h.writesOf(async () => {
        res = await attempt(who, children.a1.id, visit.body.id, attemptBody);
      });
      expect(res!.status, action).toBe(status);
      expect(writes.removedOrChanged).toEqual([]);
      expect(writes.added).toEqual([expect.objectContaining({ entity: 'audit', action, actorId: users[who].id, outcome: 'denied' })]);
    }
  });
});

describe('corrections that cannot be made', () => {
  const body = (version: number, changes: Record<string, unknown> = { notes: '更正后的记录' }, reason = '记录有误') => ({ version, reason, changes });

  it.each<[string, (version: number) => unknown, number, string]>([
    ['a version the author did not see', (version) => body(version + 1), 409, 'version'],
    ['no reason', (version) => ({ version, changes: { notes: '新' } }), 400, 'reason'],
    ['nothing to change', (version) => body(version, {}), 400, 'changes'],
    ['a field that cannot be corrected', (version) => body(version, { kind: 'contact' }), 400, 'changes.kind'],
    ['the same values again', (version) => body(version, { notes: homeVisitBody().notes }), 422, 'changes'],
    ['an end before the start', (version) => body(version, { endedAt: '2026-04-02T03:00:00+08:00' }), 422, 'changes.endedAt'],
    ['a guardian among who came', (version) => body(version, { participantIds: [users.socialWorkerPledged.id, users.guardianA.id] }), 422, 'changes.participantIds'],
  ])('%s: %i naming %s, nothing written', async (_case, makeBody, status, field) => {
    const visit = await postCheckIn(h, 'socialWorkerPledged', children.a1.id, homeVisitBody({ startedAt: '2026-04-02T04:00:00+08:00', endedAt: '2026-04-02T06:30:00+08:00' }));
    let res: ApiResponse | undefined;

    const writes = await h.writesOf(async () => {
      res = await correct('socialWorkerPledged', children.a1.id, visit.body.id, makeBody(visit.body.version));
    });

    expect(res!.status).toBe(status);
    expect(res!.body.field).toBe(field);
    expect(writes).toEqual({ added: [], removedOrChanged: [] });
  });

  it('refuses a correction more than seven days after the check-in with 422, naming the visit', async () => {
    const visit = await postCheckIn(h, 'socialWorkerPledged', children.a1.id, homeVisitBody({ startedAt: '2026-04-02T03:00:00+08:00', endedAt: '2026-04-02T05:30:00+08:00' }));
    h.advanceSeconds(8 * 86_400);
    try {
      const res = await withdraw('socialWorkerPledged', children.a1.id, visit.body.id, { version: 1, reason: '撤回' });
      expect(res.status).toBe(422);
      expect(res.body.field).toBe('visitId');
    } finally {
      h.setNow(AFTER_VISIT);
    }
  });
});
