import { changeStoredChild } from '../store/fixtures.js';
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { children, users, type SeededUser } from './support/seed-area.js';
import { AFTER_VISIT, contactBody, homeVisitBody, postAnswer, postCheckIn } from './support/visits.js';

/**
 * The hash chain of a child's visit records (issue 3, part 5): intact after normal use; an edit made behind the
 * API's back, straight in the table, is found and named by its sequence.
 */
let h: ApiHarness;
const integrityOf = async (childId: string, as: SeededUser = 'supervisorT1') =>
  h.call('GET', `/api/v1/children/${childId}/visits/integrity`, { as });

async function visitsOfC1() {
  const home = await postCheckIn(h, 'socialWorkerPledged', children.c1.id, homeVisitBody({ participantIds: [users.socialWorkerPledged.id, users.directorV2.id] }));
  const contact = await postCheckIn(h, 'directorV2', children.c1.id, contactBody({ participantIds: [users.directorV2.id] }));
  expect([home.status, contact.status]).toEqual([201, 201]);
  return { home: home.body, contact: contact.body };
}

beforeAll(async () => {
  h = await startApiHarness();
  h.setNow(AFTER_VISIT);
});

describe('GET /children/{id}/visits/integrity', () => {
  it('finds an empty chain intact', async () => {
    const res = await integrityOf(children.b1.id, 'supervisorT2');
    expect(res.body).toEqual({ intact: true, entries: 0, firstBrokenSequence: null });
  });

  it('finds the chain intact after check-ins, a confirmation and a dispute', async () => {
    const a1 = await postCheckIn(h, 'socialWorkerPledged', children.a1.id, homeVisitBody());
    const second = await postCheckIn(h, 'directorV1', children.a1.id, contactBody());
    expect((await postAnswer(h, 'guardianA', children.a1.id, a1.body.id, { decision: 'confirm', version: 1 })).status).toBe(200);
    expect((await postAnswer(h, 'guardianA', children.a1.id, second.body.id, { decision: 'dispute', reasons: ['notVisited'], version: 1 })).status).toBe(200);

    const res = await integrityOf(children.a1.id);

    expect(res.status).toBe(200);
    expect(res.body).toEqual({ intact: true, entries: 4, firstBrokenSequence: null });
  });

  it('finds a visit’s notes edited in the table, naming the visit’s sequence', async () => {
    // Prepare
    const { contact } = await visitsOfC1();
    expect((await integrityOf(children.c1.id)).body.intact).toBe(true);

    // Act: someone with table access rewrites the service record.
    await h.table.client.send(
      new UpdateCommand({
        TableName: h.table.tableName,
        Key: { pk: `CHILD#${children.c1.id}`, sk: `VISIT#${contact.id}` },
        UpdateExpression: 'SET notes = :notes',
        ExpressionAttributeValues: { ':notes': '已入户走访两小时' },
      }),
    );

    // Assess
    const res = await integrityOf(children.c1.id);
    expect(res.body).toEqual({ intact: false, entries: 2, firstBrokenSequence: contact.sequence });
  });

  it('finds a guardian’s answer edited in the table, naming the answer’s sequence', async () => {
    const a2 = await postCheckIn(h, 'directorV1', children.a2.id, contactBody());
    const answered = await postAnswer(h, 'guardianA', children.a2.id, a2.body.id, { decision: 'dispute', reasons: ['notVisited'], version: 1 });
    expect(answered.status).toBe(200);

    await h.table.client.send(
      new UpdateCommand({
        TableName: h.table.tableName,
        Key: { pk: `CHILD#${children.a2.id}`, sk: `VISIT#${a2.body.id}` },
        UpdateExpression: 'SET confirmation.#state = :confirmed, confirmation.reasons = :none',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':confirmed': 'confirmed', ':none': [] },
      }),
    );

    const res = await integrityOf(children.a2.id);
    expect(res.body).toEqual({ intact: false, entries: 2, firstBrokenSequence: 2 });
  });

  it('finds a visit removed from the table', async () => {
    const child = children.b1;
    await changeStoredChild(
      h.table.repositories,
      child,
      { ...child, team: { ...child.team!, socialWorkerId: users.socialWorkerPledged.id }, version: child.version + 1, updatedAt: AFTER_VISIT },
      { id: 'test-team-b1', at: AFTER_VISIT, actorId: 'u-seed', actorRole: 'districtOfficer', action: 'child.assignTeam', childId: child.id, outcome: 'allowed', reason: null },
    );
    const first = await postCheckIn(h, 'socialWorkerPledged', child.id, homeVisitBody({ participantIds: [users.socialWorkerPledged.id] }));
    await postCheckIn(h, 'socialWorkerPledged', child.id, contactBody({ participantIds: [users.socialWorkerPledged.id] }));

    await h.table.client.send(new DeleteCommand({ TableName: h.table.tableName, Key: { pk: `CHILD#${child.id}`, sk: `VISIT#${first.body.id}` } }));

    const res = await integrityOf(child.id, 'supervisorT2');
    expect(res.body).toMatchObject({ intact: false, firstBrokenSequence: 1 });
  });

  it('is for staff who may read the child: a guardian gets 403, a stranger 404', async () => {
    expect((await integrityOf(children.a1.id, 'guardianA')).status).toBe(403);
    expect((await integrityOf(children.a1.id, 'guardianB')).status).toBe(404);
    expect((await integrityOf(children.a1.id, 'volunteer')).status).toBe(404);
    expect((await integrityOf(children.a1.id, 'districtOfficer')).status).toBe(200);
  });
});
