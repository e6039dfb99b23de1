import { randomUUID } from 'node:crypto';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { AlreadyExistsError, StaleStateError } from '../../functions/src/domain/errors.js';
import type { Child } from '../../functions/src/domain/child.js';
import { answerVisit, draftVisit, visitIdOf } from '../../functions/src/domain/visit-record.js';
import type { Actor } from '../../functions/src/domain/user.js';
import type { CheckInInput, Visit } from '../../functions/src/domain/visit.js';
import { storeChildChange } from '../../functions/src/app/child-writes.js';
import { obligationUpdateOf } from '../../functions/src/app/obligation-update.js';
import { readCheckInState, recordVisit, type VisitToRecord } from '../../functions/src/app/record-visit.js';
import { refreshChildObligations } from '../../functions/src/app/refresh-obligations.js';
import { createRepositories } from '../../functions/src/store/repositories.js';
import type { Repositories } from '../../functions/src/store/ports.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { mockKeepingRealCalls, transactionConflict } from './faults.js';
import { auditOf, createRegions, guardian, makeChild, storeChild, team } from './fixtures.js';

/**
 * The visit repository on DynamoDB Local: one transaction per check-in and per answer, retried when DynamoDB
 * reports a TransactionConflict (injected: the local engine never raises it); when the child's chain or obligations
 * moved meanwhile it says so (StaleStateError) and the use cases' write (app/record-visit.ts) reads them again.
 */
let db: TestTable;
const director: Actor = { id: 'dir-1', role: 'director', scope: { level: 'village', regionId: 'v1' }, organizationId: null, pledgeSignedAt: null };
const NOW = new Date('2026-11-23T08:00:00.000Z');

beforeAll(async () => {
  db = await createTestTable('visits');
  await createRegions(db.repositories);
  // District d1 chose R3 (the social worker's monthly home visit), which the obligations here are about: a district
  // that never chose follows the national rules, which have none.
  await db.repositories.policies.put({
    policy: { districtId: 'd1', ruleIds: ['R3', 'R11'], unconfirmedAfterDays: 3, updatedAt: NOW.toISOString(), updatedBy: 'do-1', version: 1 },
    audit: { ...auditOf('policy.update', null), actorId: 'do-1', actorRole: 'districtOfficer' },
    events: [],
  });
});

function input(overrides: Partial<CheckInInput> = {}): CheckInInput {
  return {
    kind: 'homeVisit',
    purpose: 'routine',
    startedAt: '2026-11-23T09:00:00+08:00',
    endedAt: '2026-11-23T11:30:00+08:00',
    location: null,
    participantIds: ['sw-1', 'dir-1'],
    companionNames: [],
    contactChannel: null,
    services: [],
    notes: '',
    problemsFound: '',
    ...overrides,
  };
}

let sequenceOfIds = 0;
function visitOf(child: Child, overrides: Partial<CheckInInput> = {}): VisitToRecord {
  sequenceOfIds += 1;
  const visitInput = input(overrides);
  return {
    input: visitInput,
    visitId: visitIdOf(visitInput.startedAt, `t${sequenceOfIds}`),
    recordedBy: 'sw-1',
    recorderRole: 'socialWorker',
    recordedAt: NOW,
    audit: auditOf('visit.checkIn', child.id, { actorId: 'sw-1', actorRole: 'socialWorker' }),
    idempotency: { userId: 'sw-1', key: `key-${sequenceOfIds}-xxxxxxxx`, request: visitInput },
    eventId: `event-${sequenceOfIds}`,
  };
}

/** As the check-in use case writes a visit: against the child's state read just before, retried when it moved. */
async function record(repositories: Repositories, child: Child, visit: VisitToRecord, now = NOW): Promise<Visit> {
  return recordVisit(repositories, visit, await readCheckInState(repositories, child.id, child.region.districtId), now);
}

async function newChild(repositories: Repositories, id: string): Promise<Child> {
  const child = makeChild(id, { guardians: [guardian('g-1')], team: team('sw-1', 'sup-1', 'dir-1') });
  await storeChild(repositories, child, auditOf('child.create', child.id));
  return child;
}

describe('check-in', () => {
  it('is stored once per visit id and once per idempotency key', async () => {
    const child = await newChild(db.repositories, 'visit-once');
    const first = visitOf(child);
    await record(db.repositories, child, first);

    // Each attempt is awaited before the next starts, so neither rejection is ever left without a handler.
    await expect(
      record(db.repositories, child, { ...first, idempotency: null, audit: auditOf('visit.checkIn', child.id), eventId: 'event-again' }),
    ).rejects.toMatchObject({ constructor: AlreadyExistsError, field: 'id' });
    await expect(
      record(db.repositories, child, { ...visitOf(child), idempotency: first.idempotency }),
    ).rejects.toMatchObject({ constructor: AlreadyExistsError, field: 'Idempotency-Key' });
    expect((await db.repositories.visits.listOfChild(child.id, { limit: 10 })).items).toHaveLength(1);
  });

  it('takes a key again once its week is over (TTL lags behind)', async () => {
    const child = await newChild(db.repositories, 'visit-ttl');
    const first = visitOf(child);
    await record(db.repositories, child, first);
    const eightDaysLater = new Date(NOW.getTime() + 8 * 86_400_000);

    const lookup = { ...first.idempotency!, now: eightDaysLater };
    expect((await db.repositories.records.read({ idempotency: lookup })).idempotency).toEqual({ kind: 'none' });
    const again = { ...visitOf(child), idempotency: first.idempotency };
    await expect(record(db.repositories, child, again, eightDaysLater)).resolves.toMatchObject({ sequence: 2 });
  });

  it('retries a TransactionConflict and then stores the visit, once', async () => {
    // Prepare: a client of its own with the fault injected twice, then the real call.
    const { client, tableName } = await createTestTable('visit-fault');
    const repositories = createRepositories(client, tableName);
    const child = await newChild(repositories, 'visit-conflict');
    const { mock, pass } = mockKeepingRealCalls(client);
    mock.on(TransactWriteCommand).rejectsOnce(transactionConflict(9)).rejectsOnce(transactionConflict(9)).callsFake(pass);

    // Act
    const visit = await record(repositories, child, visitOf(child));

    // Assess
    expect(mock.commandCalls(TransactWriteCommand)).toHaveLength(3);
    mock.restore();
    expect((await repositories.visits.listOfChild(child.id, { limit: 10 })).items.map((v) => v.id)).toEqual([visit.id]);
    expect(await repositories.visits.verifyChain(child.id)).toEqual({ intact: true, entries: 1, firstBrokenSequence: null });
  });

  it('reports a chain head that moved as stale state, for the use case to read again', async () => {
    const child = await newChild(db.repositories, 'visit-stale');
    const before = await readCheckInState(db.repositories, child.id, child.region.districtId);
    await record(db.repositories, child, visitOf(child));

    // The store refuses a write decided from the old head, whatever else it holds, and writes nothing of it.
    const staleWrite = db.repositories.visits.recordCheckIn({
      draft: draftVisit(input(), { id: visitIdOf(input().startedAt, 'stale'), child, recordedBy: 'sw-1', recordedAt: NOW, r3: { applies: false, met: true, shortfalls: [] } }),
      head: before.head,
      childVersion: child.version,
      obligations: obligationUpdateOf(child, before.policy, before.obligationState, '2026-11-23'),
      idempotency: null,
      audit: auditOf('visit.checkIn', child.id),
      events: [],
      now: NOW,
    });
    await expect(staleWrite).rejects.toBeInstanceOf(StaleStateError);
    expect(await db.repositories.visits.verifyChain(child.id)).toMatchObject({ intact: true, entries: 1 });

    // The use cases' write decided from the same old state reads it again and lands second.
    await expect(recordVisit(db.repositories, visitOf(child), before, NOW)).resolves.toMatchObject({ sequence: 2 });
  });

  it('retries a TransactionConflict on the guardian’s answer too', async () => {
    const { client, tableName } = await createTestTable('answer-fault');
    const repositories = createRepositories(client, tableName);
    const child = await newChild(repositories, 'answer-conflict');
    const visit = await record(repositories, child, visitOf(child));
    const { chainHead } = await repositories.records.read({ chainHead: child.id });
    const { mock, pass } = mockKeepingRealCalls(client);
    mock.on(TransactWriteCommand).rejectsOnce(transactionConflict(4)).callsFake(pass);

    const next = answerVisit(visit, { decision: 'confirm', reasons: [], note: '', version: 1 }, 'g-1', NOW);
    await repositories.visits.recordAnswer({ previous: visit, next, head: chainHead, audit: auditOf('visit.confirm', child.id), events: [] });

    expect(mock.commandCalls(TransactWriteCommand)).toHaveLength(2);
    mock.restore();
    expect((await repositories.visits.get(child.id, visit.id))?.confirmation.state).toBe('confirmed');
  });

  it('lands beside a concurrent change of the child: both stored, obligations computed from both', async () => {
    // Prepare
    const child = await newChild(db.repositories, 'visit-and-update');
    const raised = { ...child, riskLevel: 'red' as const, version: 2, updatedAt: NOW.toISOString() };
    const asRead = await db.repositories.records.read({ policy: child.region.districtId, obligationState: child.id });
    const ports = { ...db.repositories, clock: () => NOW, newId: () => randomUUID() };

    // Act: both go through the use cases' writes, which read the moving parts again when they moved.
    const [visit] = await Promise.all([
      record(db.repositories, child, visitOf(child)),
      storeChildChange(ports, director, 'child.update', child, raised, asRead),
    ]);

    // Assess: recomputing from what is stored now changes nothing, so the index was left current.
    expect((await db.repositories.children.get(child.id))?.riskLevel).toBe('red');
    expect(await refreshChildObligations(db.repositories, child.id, child.region.districtId, NOW)).toBe(false);
    const homeVisit = (await db.repositories.obligations.listOfChild(child.id)).find((e) => e.obligation.kind === 'homeVisit' && e.obligation.performer === 'socialWorker');
    expect(homeVisit?.obligation).toMatchObject({ lastCompletedOn: '2026-11-23', dueDate: '2026-12-23' });
    expect(visit.sequence).toBe(1);
  });
});
