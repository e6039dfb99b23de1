import { beforeAll, describe, expect, it } from 'vitest';
import { domainEventSchema } from '../../functions/src/events/domain-events.js';
import { startApiHarness, type ApiHarness, type ApiResponse } from './support/api-harness.js';
import { children, users, type SeededUser } from './support/seed-area.js';
import { AFTER_VISIT, contactBody, homeVisitBody, itemsOfChild, postAnswer, postCheckIn } from './support/visits.js';

/**
 * POST /children/{id}/visits/{visitId}/resolution (issue 7, B2): the supervisor who leads the child's team settles
 * a guardian's dispute; the visit leaves the town's attention list, the settlement stays on the visit and on the
 * chain, and DisputeResolved (written once, in the same transaction) tells the worker and the guardian.
 */
let h: ApiHarness;
let minute = 0;

beforeAll(async () => {
  h = await startApiHarness();
  h.setNow(AFTER_VISIT);
});

async function disputedVisit(childId = children.a1.id, who: SeededUser = 'socialWorkerPledged', guardian: SeededUser = 'guardianA') {
  minute += 1;
  const start = `2026-04-02T0${Math.floor(minute / 60)}:${String(minute % 60).padStart(2, '0')}:00+08:00`;
  const body = who === 'socialWorkerPledged' ? homeVisitBody({ startedAt: start, endedAt: '2026-04-02T11:30:00+08:00' }) : contactBody({ startedAt: start, endedAt: '2026-04-02T11:30:00+08:00' });
  const visit = await postCheckIn(h, who, childId, body);
  expect(visit.status).toBe(201);
  const answer = await postAnswer(h, guardian, childId, visit.body.id, { decision: 'dispute', reasons: ['wrongTime'], note: '是下午来的', version: 1 });
  expect(answer.status).toBe(200);
  return answer.body as { id: string; version: number };
}

const settle = (who: SeededUser, childId: string, visitId: string, body: unknown): Promise<ApiResponse> =>
  h.call('POST', `/api/v1/children/${childId}/visits/${visitId}/resolution`, { as: who, json: body });

const disputedIds = async (town = 't1') =>
  (await h.call('GET', `/api/v1/towns/${town}/visits/attention?state=disputed`, { as: 'supervisorT1' })).body.items.map((item: { id: string }) => item.id);

describe('the leading supervisor settles a dispute', () => {
  it('answers with the settled visit, takes it off the attention list, and keeps the outcome on the visit and the chain', async () => {
    // Prepare
    const visit = await disputedVisit();
    expect(await disputedIds()).toContain(visit.id);
    h.advanceSeconds(3600);

    // Act
    let res: ApiResponse | undefined;
    const writes = await h.writesOf(async () => {
      res = await settle('supervisorT1', children.a1.id, visit.id, { outcome: 'revisitArranged', note: '已约好周六再去一次', version: visit.version });
    });

    // Assess
    expect(res!.status).toBe(200);
    expect(res!.body).toMatchObject({
      id: visit.id,
      version: visit.version + 1,
      confirmation: { state: 'disputed', reasons: ['wrongTime'] },
      resolution: { outcome: 'revisitArranged', note: '已约好周六再去一次', byUserId: users.supervisorT1.id, at: h.deps.clock().toISOString() },
      names: { [users.supervisorT1.id]: users.supervisorT1.name },
      actions: { settle: false },
    });
    expect(await disputedIds()).not.toContain(visit.id);
    const chain = await itemsOfChild(h, children.a1.id, 'CHAIN#');
    expect(chain.at(-1)).toMatchObject({ kind: 'settlement', visitId: visit.id });
    const integrity = await h.call('GET', `/api/v1/children/${children.a1.id}/visits/integrity`, { as: 'supervisorT1' });
    expect(integrity.body).toMatchObject({ intact: true });
    // One event, with ids and the outcome only; and the audit entry; and the visit and its chain moved.
    const events = writes.added.filter((item) => item.entity === 'outbox').map((item) => domainEventSchema.parse(item.event));
    expect(events).toEqual([
      expect.objectContaining({
        detailType: 'DisputeResolved',
        actorId: users.supervisorT1.id,
        detail: { childId: children.a1.id, visitId: visit.id, districtId: 'd1', townId: 't1', outcome: 'revisitArranged' },
      }),
    ]);
    expect(JSON.stringify(events)).not.toContain('周六');
    expect(writes.added.map((item) => item.entity).sort()).toEqual(['audit', 'chainEntry', 'chainHead', 'outbox', 'visit']);
  });

  it('tells the worker who recorded it and the guardian, each in their own inbox, once', async () => {
    const visit = await disputedVisit();
    expect((await settle('supervisorT1', children.a1.id, visit.id, { outcome: 'verified', note: '核实属实', version: visit.version })).status).toBe(200);

    await h.drainEvents();
    await h.drainEvents();

    for (const who of ['socialWorkerPledged', 'guardianA'] as const) {
      const inbox = await h.call('GET', '/api/v1/inbox', { as: who });
      const messages = inbox.body.items.filter((item: { visitId: string }) => item.visitId === visit.id);
      expect(messages, who).toEqual([expect.objectContaining({ kind: 'disputeResolved', childId: children.a1.id, readAt: null })]);
      expect(messages[0].about).toMatchObject({ childName: children.a1.name, outcome: 'verified' });
    }
    const supervisor = await h.call('GET', '/api/v1/inbox', { as: 'supervisorT1' });
    expect(supervisor.body.items.filter((item: { visitId: string; kind: string }) => item.visitId === visit.id && item.kind === 'disputeResolved')).toEqual([]);
  });

  it('of a child without a team is settled by a supervisor of its town', async () => {
    const visit = await disputedVisit(children.a2.id, 'directorV1');

    const res = await settle('supervisorT1', children.a2.id, visit.id, { outcome: 'notAsRecorded', note: '记录时间有误', version: visit.version });

    expect(res.status).toBe(200);
    expect(res.body.resolution.outcome).toBe('notAsRecorded');
  });
});

describe('who may settle', () => {
  const cases: [SeededUser, number][] = [
    ['supervisorT2', 404],
    ['guardianB', 404],
    ['volunteer', 404],
    ['socialWorkerUnpledged', 403], // R8 (issue 11): pledge-required, not 404
    ['directorV2', 404],
    ['directorV1', 403],
    ['socialWorkerPledged', 403],
    ['guardianA', 403],
    ['orgAdmin', 403],
    ['districtOfficer', 403],
    ['cityOfficer', 403],
  ];

  it.each(cases)('%s gets %i, the dispute stays open and only the refusal is recorded', async (who, status) => {
    const visit = await disputedVisit();
    let res: ApiResponse | undefined;

    const writes = await h.writesOf(async () => {
      res = await settle(who, children.a1.id, visit.id, { outcome: 'verified', note: '核实', version: visit.version });
    });

    expect(res!.status).toBe(status);
    expect(writes.removedOrChanged).toEqual([]);
    expect(writes.added).toEqual([
      expect.objectContaining({ entity: 'audit', action: 'visit.settle', childId: children.a1.id, actorId: users[who].id, outcome: 'denied' }),
    ]);
    expect(await disputedIds()).toContain(visit.id);
  });
});

describe('settling what cannot be settled', () => {
  it.each<[string, (visit: { id: string; version: number }) => unknown, number, string]>([
    ['a version the supervisor did not see', (visit) => ({ outcome: 'verified', note: '核实', version: visit.version - 1 }), 409, 'version'],
    ['an unknown outcome', (visit) => ({ outcome: 'maybe', note: '核实', version: visit.version }), 400, 'outcome'],
    ['no note', (visit) => ({ outcome: 'verified', version: visit.version }), 400, 'note'],
    ['a note of blanks', (visit) => ({ outcome: 'verified', note: ' \u3000 ', version: visit.version }), 400, 'note'],
  ])('%s: %i naming %s, nothing written', async (_case, body, status, field) => {
    const visit = await disputedVisit();
    let res: ApiResponse | undefined;

    const writes = await h.writesOf(async () => {
      res = await settle('supervisorT1', children.a1.id, visit.id, body(visit));
    });

    expect(res!.status).toBe(status);
    expect(res!.body.field).toBe(field);
    expect(writes).toEqual({ added: [], removedOrChanged: [] });
  });

  it('refuses a visit nobody disputed, and a second settlement, with 409', async () => {
    const plain = await postCheckIn(h, 'socialWorkerPledged', children.a1.id, homeVisitBody({ startedAt: '2026-04-01T09:00:00+08:00', endedAt: '2026-04-01T11:30:00+08:00' }));
    expect((await settle('supervisorT1', children.a1.id, plain.body.id, { outcome: 'verified', note: '核实', version: 1 })).status).toBe(409);
    const visit = await disputedVisit();
    expect((await settle('supervisorT1', children.a1.id, visit.id, { outcome: 'verified', note: '核实', version: visit.version })).status).toBe(200);
    expect((await settle('supervisorT1', children.a1.id, visit.id, { outcome: 'verified', note: '核实', version: visit.version + 1 })).status).toBe(409);
  });

  it('lets one of two settlements sent at once through: one event, the chain intact', async () => {
    const visit = await disputedVisit();
    let results: ApiResponse[] = [];

    const writes = await h.writesOf(async () => {
      results = await Promise.all([
        settle('supervisorT1', children.a1.id, visit.id, { outcome: 'verified', note: '核实', version: visit.version }),
        settle('supervisorT1', children.a1.id, visit.id, { outcome: 'notAsRecorded', note: '不符', version: visit.version }),
      ]);
    });

    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(writes.added.filter((item) => item.entity === 'outbox')).toHaveLength(1);
    const integrity = await h.call('GET', `/api/v1/children/${children.a1.id}/visits/integrity`, { as: 'supervisorT1' });
    expect(integrity.body.intact).toBe(true);
  });
});
