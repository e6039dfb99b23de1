import { beforeAll, describe, expect, it } from 'vitest';
import { domainEventSchema } from '../../functions/src/events/domain-events.js';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { children, users } from './support/seed-area.js';
import { AFTER_VISIT, homeVisitBody, postAnswer, postCheckIn } from './support/visits.js';

/**
 * Issue 7, part A.4: a use case's events are written in the same transaction as its change, one outbox item each,
 * and carry ids and codes only. Each write below must leave exactly one outbox item, pending for the relay, holding
 * the right event and nothing a person typed or is called.
 */
let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness();
  h.setNow(AFTER_VISIT);
});

const child = children.a1;

/** What no event may hold: the child's and the guardians' names and phones, the ID number, the address, notes. */
function personalDataOf(body: Record<string, unknown>): string[] {
  return [
    child.name,
    child.idNumber!,
    child.address,
    ...child.guardians.flatMap((guardian) => [guardian.name, guardian.phone ?? '']),
    users.socialWorkerPledged.name,
    String(body.notes ?? ''),
    String(body.problemsFound ?? ''),
  ].filter((text) => text.length > 0);
}

async function outboxWrittenBy(act: () => Promise<{ status: number }>, status: number) {
  let answered = 0;
  const writes = await h.writesOf(async () => {
    answered = (await act()).status;
  });
  expect(answered).toBe(status);
  return writes.added.filter((item) => item.entity === 'outbox');
}

function expectNothingPersonal(item: Record<string, unknown>, body: Record<string, unknown>) {
  const stored = JSON.stringify(item);
  for (const text of personalDataOf(body)) expect(stored).not.toContain(text);
}

describe('one outbox item per event, in the change’s own transaction', () => {
  it('a check-in records VisitRecorded, with ids and the R3 outcome only', async () => {
    const body = homeVisitBody({ notes: '家中冰箱空了，祖父腿伤未愈', problemsFound: '需要送米送油' });

    let visitId = '';
    const outbox = await outboxWrittenBy(async () => {
      const res = await postCheckIn(h, 'socialWorkerPledged', child.id, body);
      visitId = res.body.id;
      return res;
    }, 201);

    expect(outbox).toHaveLength(1);
    const event = domainEventSchema.parse(outbox[0].event);
    expect(event).toMatchObject({
      detailType: 'VisitRecorded',
      version: 1,
      actorId: users.socialWorkerPledged.id,
      occurredAt: AFTER_VISIT,
      detail: { childId: child.id, visitId, districtId: 'd1', townId: 't1', r3Met: true },
    });
    expect(outbox[0]).toMatchObject({ pk: `OUTBOX#${event.id}`, sk: 'OUTBOX', gsi1pk: 'OUTBOX#PENDING' });
    expectNothingPersonal(outbox[0], body);
  });

  it('a confirmation records VisitConfirmed', async () => {
    const visit = (await postCheckIn(h, 'socialWorkerPledged', child.id, homeVisitBody({ startedAt: '2026-04-01T09:00:00+08:00', endedAt: '2026-04-01T11:00:00+08:00' }))).body;

    const outbox = await outboxWrittenBy(() => postAnswer(h, 'guardianA', child.id, visit.id, { decision: 'confirm', version: 1 }), 200);

    expect(outbox).toHaveLength(1);
    expect(domainEventSchema.parse(outbox[0].event)).toMatchObject({
      detailType: 'VisitConfirmed',
      actorId: users.guardianA.id,
      detail: { childId: child.id, visitId: visit.id, districtId: 'd1', townId: 't1' },
    });
    expectNothingPersonal(outbox[0], visit);
  });

  it('a dispute records VisitDisputed and not the guardian’s note (the consumer’s inbox message quotes it)', async () => {
    const visit = (await postCheckIn(h, 'socialWorkerPledged', child.id, homeVisitBody({ startedAt: '2026-04-01T13:00:00+08:00', endedAt: '2026-04-01T15:00:00+08:00' }))).body;
    const note = '那天下午家里没有人';

    const outbox = await outboxWrittenBy(
      () => postAnswer(h, 'guardianA', child.id, visit.id, { decision: 'dispute', reasons: ['notVisited', 'other'], note, version: 1 }),
      200,
    );

    expect(outbox).toHaveLength(1);
    expect(domainEventSchema.parse(outbox[0].event)).toMatchObject({
      detailType: 'VisitDisputed',
      actorId: users.guardianA.id,
      detail: { childId: child.id, visitId: visit.id, districtId: 'd1', townId: 't1' },
    });
    expect(JSON.stringify(outbox[0])).not.toContain(note);
    expectNothingPersonal(outbox[0], visit);
  });

  it('a policy change records PolicyChanged, with the policy, its audit entry and its refresh in the same transaction', async () => {
    const current = (await h.call('GET', '/api/v1/districts/d1/policy', { as: 'districtOfficer' })).body;
    const { added } = await h.writesOf(async () => {
      const res = await h.call('PUT', '/api/v1/districts/d1/policy', {
        as: 'districtOfficer',
        json: { ruleIds: ['R3', 'R11'], unconfirmedAfterDays: 5, version: current.version },
      });
      expect(res.status).toBe(200);
    });

    const outbox = added.filter((item) => item.entity === 'outbox');
    expect(outbox).toHaveLength(1);
    expect(domainEventSchema.parse(outbox[0].event)).toMatchObject({
      detailType: 'PolicyChanged',
      actorId: users.districtOfficer.id,
      detail: { districtId: 'd1', policyVersion: current.version + 1 },
    });
    expect(added.filter((item) => item.entity === 'audit' && item.action === 'policy.update')).toHaveLength(1);
    // The job the event starts has its record from the start, so a refresh is never lost.
    expect(added.filter((item) => item.entity === 'policyRefresh')).toMatchObject([{ districtId: 'd1', policyVersion: current.version + 1, status: 'running', done: 0, cursor: null }]);
  });

  it('a refused check-in, answer or policy change records no event', async () => {
    const visit = (await postCheckIn(h, 'socialWorkerPledged', child.id, homeVisitBody({ startedAt: '2026-04-01T16:00:00+08:00', endedAt: '2026-04-01T18:00:00+08:00' }))).body;

    expect(await outboxWrittenBy(() => postCheckIn(h, 'supervisorT1', child.id, homeVisitBody({ participantIds: [users.supervisorT1.id] })), 403)).toEqual([]);
    expect(await outboxWrittenBy(() => postAnswer(h, 'guardianB', child.id, visit.id, { decision: 'confirm', version: 1 }), 404)).toEqual([]);
    const policyBody = { ruleIds: ['R3'], unconfirmedAfterDays: 3, version: 0 };
    expect(await outboxWrittenBy(() => h.call('PUT', '/api/v1/districts/d1/policy', { as: 'directorV1', json: policyBody }), 403)).toEqual([]);
  });
});
