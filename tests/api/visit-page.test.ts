import { beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { children, users, type SeededUser } from './support/seed-area.js';
import { AFTER_VISIT, homeVisitBody, postAnswer, postCheckIn } from './support/visits.js';

/**
 * GET /children/{id}/visits/{visitId} (issue 7, B1): one visit's page for every role, each seeing what it may, every
 * read audited, and what the reader may do with the visit now.
 */
let h: ApiHarness;
let visitId: string;

beforeAll(async () => {
  h = await startApiHarness();
  h.setNow(AFTER_VISIT);
  const res = await postCheckIn(h, 'socialWorkerPledged', children.a1.id, homeVisitBody({ companionNames: ['陈老师'] }));
  expect(res.status).toBe(201);
  visitId = res.body.id;
});

const readAs = (who: SeededUser, childId = children.a1.id, id = visitId) => h.call('GET', `/api/v1/children/${childId}/visits/${id}`, { as: who });

describe('one visit’s page', () => {
  it('shows the worker the whole record: who came by name, the services, the notes, R3 and the place', async () => {
    const res = await readAs('socialWorkerPledged');

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: visitId,
      childName: children.a1.name,
      participantNames: ['吴社工', '张东湾'],
      companionNames: ['陈老师'],
      services: ['guardianshipGuidance', 'educationSupport'],
      notes: homeVisitBody().notes,
      problemsFound: homeVisitBody().problemsFound,
      r3: { applies: true, met: true },
      location: { latitude: 30.93, longitude: 121.28 },
      confirmation: { state: 'pending' },
      resolution: null,
      corrections: [],
      villageName: '东湾村',
      names: { [users.socialWorkerPledged.id]: '吴社工', [users.directorV1.id]: '张东湾' },
      // Recorded at AFTER_VISIT: the author has a week from then.
      actions: { answer: false, settle: false, amend: true, amendUntil: '2026-04-09T08:00:00.000Z' },
    });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('shows the guardian the visit without the worker’s record, and offers them the answer', async () => {
    const res = await readAs('guardianA');

    expect(res.status).toBe(200);
    for (const hidden of ['notes', 'problemsFound', 'r3', 'location', 'locationMissing', 'asRecorded']) expect(res.body).not.toHaveProperty(hidden);
    expect(res.body).toMatchObject({
      participantNames: ['吴社工', '张东湾'],
      villageName: '东湾村',
      actions: { answer: true, settle: false, amend: false, amendUntil: null },
    });
  });

  const expected: [SeededUser, number][] = [
    ['guardianA', 200],
    ['guardianB', 404],
    ['directorV1', 200],
    ['directorV2', 404],
    ['directorV3', 404],
    ['supervisorT1', 200],
    ['supervisorT2', 404],
    ['socialWorkerPledged', 200],
    ['socialWorkerUnpledged', 403], // R8 (issue 11): pledge-required, not 404
    ['volunteer', 404],
    ['orgAdmin', 200],
    ['districtOfficer', 200],
    ['cityOfficer', 200],
  ];

  it.each(expected)('%s gets %i, and the read (or its refusal) is audited and nothing else written', async (who, status) => {
    let res: Awaited<ReturnType<typeof readAs>> | undefined;

    const writes = await h.writesOf(async () => {
      res = await readAs(who);
    });

    expect(res!.status).toBe(status);
    expect(writes.removedOrChanged).toEqual([]);
    expect(writes.added).toEqual([
      expect.objectContaining({
        entity: 'audit',
        action: 'visit.read',
        childId: children.a1.id,
        actorId: users[who].id,
        outcome: status === 200 ? 'allowed' : 'denied',
      }),
    ]);
  });

  it('answers 404 for a visit that does not exist, and for a visit asked for under another child', async () => {
    expect((await readAs('socialWorkerPledged', children.a1.id, 'no-such-visit')).status).toBe(404);
    expect((await readAs('guardianA', children.a2.id, visitId)).status).toBe(404);
  });

  it('shows the supervisor who leads the team a disputed visit with the settlement offered', async () => {
    const disputed = await postCheckIn(h, 'socialWorkerPledged', children.a1.id, homeVisitBody({ startedAt: '2026-04-02T08:00:00+08:00', endedAt: '2026-04-02T10:30:00+08:00' }));
    expect((await postAnswer(h, 'guardianA', children.a1.id, disputed.body.id, { decision: 'dispute', reasons: ['wrongTime'], version: 1 })).status).toBe(200);

    const res = await readAs('supervisorT1', children.a1.id, disputed.body.id);

    expect(res.body).toMatchObject({
      confirmation: { state: 'disputed', reasons: ['wrongTime'], byUserId: users.guardianA.id },
      names: { [users.guardianA.id]: users.guardianA.name },
      actions: { answer: false, settle: true, amend: false },
    });
    expect((await readAs('districtOfficer', children.a1.id, disputed.body.id)).body.actions.settle).toBe(false);
  });
});
