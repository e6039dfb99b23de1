import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { children, users } from './support/seed-area.js';
import { AFTER_VISIT, contactBody, dueOf, homeVisitBody, itemsOfChild, postCheckIn } from './support/visits.js';

/**
 * POST /children/{id}/visits (issue 3, part 3; notes/VISITS-API.md) on DynamoDB Local: the visit, its chain entry,
 * the idempotency record and the child's obligations move together; a retry stores nothing twice; bad input and
 * refused callers write nothing.
 */
let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness();
  h.setNow(AFTER_VISIT);
});

function dueDateOf(items: Awaited<ReturnType<typeof dueOf>>, childId: string, key: string) {
  return items.find((item) => item.childId === childId && `${item.kind}:${item.performer}` === key)?.dueDate;
}

describe('a home visit recorded by the social worker of the team', () => {
  it('answers 201 with the visit, stores it with its chain entry, and moves what the child is due (R3)', async () => {
    // Prepare: registered 2026-03-10, so R3's monthly home visit is due 2026-04-10.
    const before = await dueOf(h, 'socialWorkerPledged');
    expect(dueDateOf(before, children.a1.id, 'homeVisit:socialWorker')).toBe('2026-04-10');

    // Act
    const res = await postCheckIn(h, 'socialWorkerPledged', children.a1.id, homeVisitBody());

    // Assess
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      childId: children.a1.id,
      kind: 'homeVisit',
      purpose: 'routine',
      recordedBy: users.socialWorkerPledged.id,
      recordedAt: AFTER_VISIT,
      locationMissing: false,
      participantNames: ['吴社工', '张东湾'],
      r3: { applies: true, met: true, shortfalls: [] },
      confirmation: { state: 'pending', byUserId: null, at: null },
      sequence: 1,
      previousHash: '',
      version: 1,
    });
    expect(res.body.hash).toMatch(/^[0-9a-f]{64}$/);
    const stored = await h.table.repositories.visits.get(children.a1.id, res.body.id);
    expect(stored).toMatchObject({ id: res.body.id, notes: homeVisitBody().notes, hash: res.body.hash });
    expect(await itemsOfChild(h, children.a1.id, 'CHAIN#')).toEqual([
      expect.objectContaining({ sequence: 1, kind: 'checkIn', visitId: res.body.id, hash: res.body.hash }),
    ]);
    const after = await dueOf(h, 'socialWorkerPledged');
    expect(dueDateOf(after, children.a1.id, 'homeVisit:socialWorker')).toBe('2026-05-02');
    // The other child of the same worker is untouched.
    expect(dueDateOf(after, children.c1.id, 'homeVisit:socialWorker')).toBe('2026-04-10');
    // The director took part, so the director's home visit (R11, every two months) moved too.
    const ofChild = await h.call('GET', `/api/v1/children/${children.a1.id}/obligations`, { as: 'directorV1' });
    expect(ofChild.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'homeVisit', performer: 'director', dueDate: '2026-06-02', lastCompletedOn: '2026-04-02', ruleId: 'R11' }),
      ]),
    );
  });

  it('adds to the village counters of the month in the same transaction (ARCHITECTURE.md step 5)', async () => {
    const counterKey = { pk: 'COUNTER#v1#2026-04', sk: 'COUNTER' };
    const before = (await h.table.client.send(new GetCommand({ TableName: h.table.tableName, Key: counterKey }))).Item;

    const res = await postCheckIn(h, 'directorV1', children.a2.id, contactBody());

    expect(res.status).toBe(201);
    const after = (await h.table.client.send(new GetCommand({ TableName: h.table.tableName, Key: counterKey }))).Item;
    expect(after).toMatchObject({
      visits: Number(before?.visits ?? 0) + 1,
      contacts: Number(before?.contacts ?? 0) + 1,
      homeVisits: Number(before?.homeVisits ?? 0),
      townId: 't1',
      month: '2026-04',
    });
  });

  it('records a refused location as missing, not as an error', async () => {
    const res = await postCheckIn(h, 'socialWorkerPledged', children.c1.id, homeVisitBody({ location: null, participantIds: [users.socialWorkerPledged.id, users.directorV2.id] }));

    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ location: null, locationMissing: true });
  });
});

describe('Idempotency-Key: a retried check-in is stored once', () => {
  it('answers the first result again, marked as a replay, and writes nothing', async () => {
    // Prepare
    const key = randomUUID();
    const body = homeVisitBody({ startedAt: '2026-04-01T09:00:00+08:00', endedAt: '2026-04-01T11:10:00+08:00' });
    const first = await postCheckIn(h, 'socialWorkerPledged', children.c1.id, { ...body, participantIds: [users.socialWorkerPledged.id, users.directorV2.id] }, key);
    expect(first.status).toBe(201);
    const visitsBefore = await itemsOfChild(h, children.c1.id, 'VISIT#');
    let again: Awaited<ReturnType<ApiHarness['call']>> | undefined;

    // Act: the offline queue sends it again, a minute later.
    h.advanceSeconds(60);
    const writes = await h.writesOf(async () => {
      again = await postCheckIn(h, 'socialWorkerPledged', children.c1.id, { ...body, participantIds: [users.socialWorkerPledged.id, users.directorV2.id] }, key);
    });

    // Assess
    expect(again!.status).toBe(201);
    expect(again!.headers.get('idempotent-replayed')).toBe('true');
    expect(again!.body).toEqual(first.body);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    expect(writes).toEqual({ added: [], removedOrChanged: [] });
    expect(await itemsOfChild(h, children.c1.id, 'VISIT#')).toHaveLength(visitsBefore.length);
  });

  it('stores one visit when the same request arrives twice at once', async () => {
    const key = randomUUID();
    const body = contactBody({ startedAt: '2026-04-01T18:00:00+08:00', endedAt: '2026-04-01T18:05:00+08:00' });
    const visitsBefore = (await itemsOfChild(h, children.a1.id, 'VISIT#')).length;

    const [one, two] = await Promise.all([
      postCheckIn(h, 'directorV1', children.a1.id, body, key),
      postCheckIn(h, 'directorV1', children.a1.id, body, key),
    ]);

    expect([one.status, two.status]).toEqual([201, 201]);
    expect(one.body.id).toBe(two.body.id);
    expect(await itemsOfChild(h, children.a1.id, 'VISIT#')).toHaveLength(visitsBefore + 1);
  });

  it('refuses the same key with another body: 422 naming Idempotency-Key, nothing written', async () => {
    const key = randomUUID();
    expect((await postCheckIn(h, 'directorV1', children.a1.id, contactBody(), key)).status).toBe(201);
    let res: Awaited<ReturnType<ApiHarness['call']>> | undefined;

    const writes = await h.writesOf(async () => {
      res = await postCheckIn(h, 'directorV1', children.a1.id, contactBody({ notes: '另一条记录' }), key);
    });

    expect(res!.status).toBe(422);
    expect(res!.body.field).toBe('Idempotency-Key');
    expect(writes).toEqual({ added: [], removedOrChanged: [] });
  });

  it('keeps keys per user: the same key from another worker is another request', async () => {
    const key = randomUUID();
    const mine = await postCheckIn(h, 'directorV1', children.a1.id, contactBody(), key);
    const theirs = await postCheckIn(h, 'socialWorkerPledged', children.a1.id, contactBody({ participantIds: [users.socialWorkerPledged.id] }), key);

    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.id).not.toBe(mine.body.id);
  });
});

describe('bad input gets 4xx naming the field, and nothing is written', () => {
  const a1 = children.a1.id;
  const cases: [label: string, childId: string, body: () => unknown, status: number, field: string | undefined, key?: string | null][] = [
    ['end before start', a1, () => homeVisitBody({ endedAt: '2026-04-02T08:59:00+08:00' }), 422, 'endedAt'],
    ['a visit in the future', a1, () => homeVisitBody({ startedAt: '2026-04-02T17:00:00+08:00', endedAt: '2026-04-02T18:00:00+08:00' }), 422, 'startedAt'],
    ['an end in the future', a1, () => homeVisitBody({ endedAt: '2026-04-02T18:00:00+08:00' }), 422, 'endedAt'],
    ['a visit longer than 24 hours', a1, () => homeVisitBody({ startedAt: '2026-03-31T09:00:00+08:00', endedAt: '2026-04-01T09:01:00+08:00' }), 422, 'endedAt'],
    ['a latitude out of range', a1, () => homeVisitBody({ location: { latitude: 91, longitude: 121.28, accuracyMeters: 5 } }), 400, 'location.latitude'],
    ['a longitude out of range', a1, () => homeVisitBody({ location: { latitude: 30, longitude: -181, accuracyMeters: 5 } }), 400, 'location.longitude'],
    ['an unknown child', 'no-such-child', () => homeVisitBody(), 404, 'id'],
    ['a contact without its channel', a1, () => contactBody({ contactChannel: null }), 422, 'contactChannel'],
    ['a home visit with a contact channel', a1, () => homeVisitBody({ contactChannel: 'phone' }), 422, 'contactChannel'],
    ['a participant who is not a user', a1, () => homeVisitBody({ participantIds: [users.socialWorkerPledged.id, 'u-nobody'] }), 422, 'participantIds'],
    ['a guardian as participant', a1, () => homeVisitBody({ participantIds: [users.socialWorkerPledged.id, users.guardianA.id] }), 422, 'participantIds'],
    ['the recording worker not among the participants', a1, () => homeVisitBody({ participantIds: [users.directorV1.id] }), 422, 'participantIds'],
    ['a participant twice', a1, () => homeVisitBody({ participantIds: [users.socialWorkerPledged.id, users.socialWorkerPledged.id] }), 422, 'participantIds'],
    ['an unknown service', a1, () => homeVisitBody({ services: ['cooking'] }), 400, 'services.0'],
    ['an unknown field', a1, () => homeVisitBody({ rating: 5 }), 400, 'rating'],
    ['a start that is not an instant', a1, () => homeVisitBody({ startedAt: '2026-04-02 09:00' }), 400, 'startedAt'],
    ['no Idempotency-Key', a1, () => homeVisitBody(), 400, 'Idempotency-Key', null],
    ['a one-character Idempotency-Key', a1, () => homeVisitBody(), 400, 'Idempotency-Key', 'x'],
  ];

  it.each(cases)('%s', async (_label, childId, body, status, field, key) => {
    let res: Awaited<ReturnType<ApiHarness['call']>> | undefined;

    const writes = await h.writesOf(async () => {
      res = await postCheckIn(h, 'socialWorkerPledged', childId, body(), key === undefined ? randomUUID() : key);
    });

    expect(res!.status).toBe(status);
    expect(res!.headers.get('content-type')).toBe('application/problem+json');
    if (field) expect(res!.body.field).toBe(field);
    expect(writes).toEqual({ added: [], removedOrChanged: [] });
  });
});

describe('R3 (000 §五.4) with the district policy on and off', () => {
  const short = () =>
    homeVisitBody({
      startedAt: '2026-04-02T10:00:00+08:00',
      endedAt: '2026-04-02T11:00:00+08:00',
      participantIds: [users.socialWorkerPledged.id],
    });

  it('accepts a short visit by the social worker alone, marked as not meeting R3, and leaves the monthly R3 visit due', async () => {
    const before = dueDateOf(await dueOf(h, 'socialWorkerPledged'), children.c1.id, 'homeVisit:socialWorker');

    const res = await postCheckIn(h, 'socialWorkerPledged', children.c1.id, short());

    expect(res.status).toBe(201);
    expect(res.body.r3).toEqual({
      applies: true,
      met: false,
      shortfalls: ['走访人数不足2人（实到1人）', '入户时长不足2小时（实际60分钟）'],
    });
    expect(dueDateOf(await dueOf(h, 'socialWorkerPledged'), children.c1.id, 'homeVisit:socialWorker')).toBe(before);
  });

  it('does not judge a director’s own home visit without the social worker by R3: that is their R11 visit', async () => {
    const res = await postCheckIn(h, 'directorV2', children.c1.id, { ...short(), participantIds: [users.directorV2.id] });

    expect(res.status).toBe(201);
    expect(res.body.r3).toEqual({ applies: false, met: true, shortfalls: [] });
    const ofChild = await h.call('GET', `/api/v1/children/${children.c1.id}/obligations`, { as: 'directorV2' });
    expect(ofChild.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'homeVisit', performer: 'director', lastCompletedOn: '2026-04-02' })]),
    );
  });

  it('does not judge R3 once the district has left it out of its policy', async () => {
    // Prepare
    const current = await h.call('GET', '/api/v1/districts/d1/policy', { as: 'districtOfficer' });
    const put = await h.call('PUT', '/api/v1/districts/d1/policy', {
      as: 'districtOfficer',
      json: { ruleIds: current.body.ruleIds.filter((id: string) => id !== 'R3'), unconfirmedAfterDays: 3, version: current.body.version },
    });
    expect(put.status).toBe(200);

    // Act
    const res = await postCheckIn(h, 'socialWorkerPledged', children.c1.id, short());

    // Assess
    expect(res.status).toBe(201);
    expect(res.body.r3).toEqual({ applies: false, met: true, shortfalls: [] });
    await h.call('PUT', '/api/v1/districts/d1/policy', {
      as: 'districtOfficer',
      json: { ruleIds: current.body.ruleIds, unconfirmedAfterDays: 3, version: put.body.version },
    });
  });
});

describe('two check-ins for one child at the same moment', () => {
  it('both succeed, take consecutive places in the chain, and the chain stays intact', async () => {
    const before = (await itemsOfChild(h, children.c1.id, 'CHAIN#')).length;
    const body = (minute: string) =>
      homeVisitBody({ startedAt: `2026-04-02T07:${minute}:00+08:00`, endedAt: `2026-04-02T09:${minute}:00+08:00`, participantIds: [users.socialWorkerPledged.id, users.directorV2.id] });

    const results = await Promise.all(['05', '06', '07'].map((minute) => postCheckIn(h, 'socialWorkerPledged', children.c1.id, body(minute))));

    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(results.map((r) => r.body.sequence).sort()).toEqual([before + 1, before + 2, before + 3]);
    const integrity = await h.call('GET', `/api/v1/children/${children.c1.id}/visits/integrity`, { as: 'supervisorT1' });
    expect(integrity.body).toEqual({ intact: true, entries: before + 3, firstBrokenSequence: null });
  });
});

describe('who may check in', () => {
  const a1 = children.a1.id;
  const cases: [who: Parameters<typeof postCheckIn>[1], status: number][] = [
    ['directorV2', 404], // director of another village: cannot even read the child
    ['directorV3', 404],
    ['supervisorT2', 404],
    ['volunteer', 404],
    ['socialWorkerUnpledged', 403], // R8: no child data before the pledge (issue 11: pledge-required, not 404)
    ['guardianB', 404],
    ['supervisorT1', 403], // may read the child, does not record visits
    ['districtOfficer', 403],
    ['guardianA', 403],
    ['orgAdmin', 403],
  ];

  it.each(cases)('%s gets %i and nothing but the refusal is recorded', async (who, status) => {
    const body = homeVisitBody({ participantIds: [users[who].id] });
    let res: Awaited<ReturnType<ApiHarness['call']>> | undefined;

    const writes = await h.writesOf(async () => {
      res = await postCheckIn(h, who, a1, body);
    });

    expect(res!.status).toBe(status);
    expect(writes.removedOrChanged).toEqual([]);
    expect(writes.added).toEqual([
      expect.objectContaining({ entity: 'audit', action: 'visit.checkIn', childId: a1, actorId: users[who].id, outcome: 'denied' }),
    ]);
  });

  it('lets the director of the village check in (R11)', async () => {
    const res = await postCheckIn(h, 'directorV1', a1, contactBody());
    expect(res.status).toBe(201);
  });
});

describe('the OpenAPI document', () => {
  it('lists the visit, obligation, policy and inbox paths and documents the Idempotency-Key header', async () => {
    const doc = JSON.parse((await h.call('GET', '/api/v1/openapi.json')).text);

    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/children/count',
        '/api/v1/children/{id}/visits',
        '/api/v1/children/{id}/visits/{visitId}/confirmation',
        '/api/v1/children/{id}/visits/integrity',
        '/api/v1/children/{id}/obligations',
        '/api/v1/visits/pending-confirmation',
        '/api/v1/obligations/mine',
        '/api/v1/towns/{townId}/obligations',
        '/api/v1/towns/{townId}/visits/attention',
        '/api/v1/policy/rules',
        '/api/v1/districts/{districtId}/policy',
        '/api/v1/inbox',
        '/api/v1/inbox/unread-count',
        '/api/v1/inbox/{id}/read',
      ]),
    );
    const parameters = doc.paths['/api/v1/children/{id}/visits'].post.parameters as { name: string; in: string }[];
    expect(parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'idempotency-key', in: 'header' })]));
  });
});
