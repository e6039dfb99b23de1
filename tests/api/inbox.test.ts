import { beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { children, users, type SeededUser } from './support/seed-area.js';
import { AFTER_VISIT, contactBody, homeVisitBody, postAnswer, postCheckIn } from './support/visits.js';

/**
 * GET /inbox and /inbox/unread-count (issue 7, B8): every role has an inbox. A guardian's dispute goes to the
 * supervisor who leads the team (or the town's) and to the village's director; its outcome to the visit's author,
 * the guardian and the village's director. Each message says what it is about as its reader may see it now, with
 * the names resolved in one batch; a guardian's never carries anyone's notes or who settled it.
 */
let h: ApiHarness;
/** a1 has a full team in v1; its visit is the social worker's. a2 (v1, no team): the director's own phone call. */
let workersVisit: { id: string };
let directorsVisit: { id: string };

const SETTLEMENT_NOTE = '督导员已与社工核实：走访属实';
const DISPUTE_NOTE = '来的是下午';

interface Item {
  id: string;
  kind: string;
  visitId: string;
  childId: string;
  readAt: string | null;
  about: { childName: string; outcome: string | null; reasons: string[]; note: string; visitStartedAt: string } | null;
}

async function inboxOf(who: SeededUser): Promise<{ items: Item[]; unread: number }> {
  const res = await h.call('GET', '/api/v1/inbox', { as: who });
  expect(res.status, who).toBe(200);
  return res.body;
}

async function unreadOf(who: SeededUser): Promise<number> {
  const res = await h.call('GET', '/api/v1/inbox/unread-count', { as: who });
  expect(res.status, who).toBe(200);
  return res.body.count;
}

const about = (items: Item[]) => items.map((item) => `${item.kind}:${item.visitId}`).sort();

async function disputeAndSettle(who: SeededUser, childId: string, body: unknown) {
  const visit = await postCheckIn(h, who, childId, body);
  expect(visit.status).toBe(201);
  const answer = await postAnswer(h, 'guardianA', childId, visit.body.id, { decision: 'dispute', reasons: ['wrongTime'], note: DISPUTE_NOTE, version: 1 });
  expect(answer.status).toBe(200);
  await h.drainEvents();
  h.advanceSeconds(600);
  const settled = await h.call('POST', `/api/v1/children/${childId}/visits/${visit.body.id}/resolution`, {
    as: 'supervisorT1',
    json: { outcome: 'verified', note: SETTLEMENT_NOTE, version: answer.body.version },
  });
  expect(settled.status).toBe(200);
  await h.drainEvents();
  return { id: visit.body.id as string };
}

beforeAll(async () => {
  h = await startApiHarness();
  h.setNow(AFTER_VISIT);
  workersVisit = await disputeAndSettle('socialWorkerPledged', children.a1.id, homeVisitBody());
  directorsVisit = await disputeAndSettle('directorV1', children.a2.id, contactBody());
});

describe('who reads which message', () => {
  it('the guardian: the outcome of each dispute, about their child, with nobody’s notes or names', async () => {
    const inbox = await inboxOf('guardianA');

    expect(about(inbox.items)).toEqual([`disputeResolved:${directorsVisit.id}`, `disputeResolved:${workersVisit.id}`].sort());
    const ofWorkersVisit = inbox.items.find((item) => item.visitId === workersVisit.id)!;
    expect(ofWorkersVisit).toMatchObject({
      childId: children.a1.id,
      readAt: null,
      about: { childName: children.a1.name, outcome: 'verified', reasons: [], note: '', visitStartedAt: homeVisitBody().startedAt },
    });
    expect(inbox.unread).toBe(2);
    const text = JSON.stringify(inbox);
    for (const secret of [SETTLEMENT_NOTE, DISPUTE_NOTE, homeVisitBody().notes, homeVisitBody().problemsFound, users.supervisorT1.id, users.supervisorT1.name, users.socialWorkerPledged.id, users.socialWorkerPledged.name, users.directorV1.id]) {
      expect(text).not.toContain(secret);
    }
  });

  it('the social worker who recorded the visit: its outcome, not the dispute itself', async () => {
    const inbox = await inboxOf('socialWorkerPledged');

    expect(about(inbox.items)).toEqual([`disputeResolved:${workersVisit.id}`]);
    expect(inbox.items[0].about).toMatchObject({ childName: children.a1.name, outcome: 'verified' });
  });

  it('the supervisor: each dispute with the guardian’s reasons and note, the team’s by name and the town’s', async () => {
    const inbox = await inboxOf('supervisorT1');

    expect(about(inbox.items)).toEqual([`visitDisputed:${directorsVisit.id}`, `visitDisputed:${workersVisit.id}`].sort());
    for (const item of inbox.items) expect(item.about).toMatchObject({ reasons: ['wrongTime'], note: DISPUTE_NOTE, outcome: null });
    expect(inbox.items.map((item) => item.about?.childName).sort()).toEqual([children.a1.name, children.a2.name].sort());
  });

  it('the village’s director: every dispute and outcome of the village, their own visit’s outcome once', async () => {
    const inbox = await inboxOf('directorV1');

    expect(about(inbox.items)).toEqual(
      [
        `visitDisputed:${workersVisit.id}`,
        `visitDisputed:${directorsVisit.id}`,
        `disputeResolved:${workersVisit.id}`,
        `disputeResolved:${directorsVisit.id}`,
      ].sort(),
    );
    expect(inbox.unread).toBe(4);
    expect(await unreadOf('directorV1')).toBe(4);
  });

  it.each(['directorV2', 'supervisorT2', 'guardianB', 'volunteer', 'orgAdmin', 'districtOfficer', 'cityOfficer'] as const)(
    '%s: an inbox with nothing of village v1 in it',
    async (who) => {
      expect(await inboxOf(who)).toEqual({ items: [], unread: 0 });
      expect(await unreadOf(who)).toBe(0);
    },
  );

  it('records each child shown, as every list of children’s data does, and nothing for an empty inbox', async () => {
    const shown = await h.writesOf(() => inboxOf('guardianA'));
    const empty = await h.writesOf(() => inboxOf('volunteer'));

    expect(shown.added.map((item) => [item.entity, item.action, item.childId]).sort()).toEqual(
      [
        ['audit', 'visit.list', children.a1.id],
        ['audit', 'visit.list', children.a2.id],
      ].sort(),
    );
    expect(empty.added).toEqual([]);
  });
});

describe('reading a message', () => {
  it('marks every copy the reader has read: the director’s own visit’s outcome leaves no unread copy behind', async () => {
    const before = await unreadOf('directorV1');
    const message = (await inboxOf('directorV1')).items.find((item) => item.kind === 'disputeResolved' && item.visitId === directorsVisit.id)!;

    const res = await h.call('POST', `/api/v1/inbox/${message.id}/read`, { as: 'directorV1' });

    expect(res.status).toBe(204);
    const after = await inboxOf('directorV1');
    expect(after.items.find((item) => item.id === message.id)?.readAt).toBe(h.deps.clock().toISOString());
    expect(after.unread).toBe(before - 1);
    expect(await unreadOf('directorV1')).toBe(before - 1);
    // The guardian's copy is theirs: still unread.
    expect((await inboxOf('guardianA')).items.find((item) => item.id === message.id)?.readAt).toBeNull();
  });

  it('is not found for someone whose inbox does not hold it', async () => {
    const message = (await inboxOf('guardianA')).items[0];

    const res = await h.call('POST', `/api/v1/inbox/${message.id}/read`, { as: 'guardianB' });

    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await inboxOf('guardianA')).items[0].readAt).toBeNull();
  });
});

describe('a message about a child the reader may no longer read', () => {
  it('keeps the message but says nothing about the child (a social worker taken off the team)', async () => {
    const child = await h.call('GET', `/api/v1/children/${children.a1.id}`, { as: 'supervisorT1' });
    const reassigned = await h.call('PUT', `/api/v1/children/${children.a1.id}/team`, {
      as: 'supervisorT1',
      json: {
        version: child.body.version,
        team: { ...children.a1.team!, socialWorkerId: users.socialWorkerUnpledged.id },
        reason: '原社工调离本项目',
      },
    });
    expect(reassigned.status).toBe(200);

    const inbox = await inboxOf('socialWorkerPledged');

    expect(inbox.items).toEqual([expect.objectContaining({ kind: 'disputeResolved', visitId: workersVisit.id, about: null })]);
    expect(JSON.stringify(inbox)).not.toContain(children.a1.name);
  });
});
