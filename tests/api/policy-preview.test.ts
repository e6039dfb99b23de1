import { beforeAll, describe, expect, it } from 'vitest';
import { sessionTokensFor } from '../../functions/src/api/app.js';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { children, users, type SeededUser } from './support/seed-area.js';
import { AFTER_VISIT, homeVisitBody, postCheckIn } from './support/visits.js';

/**
 * Issue 7, B8: before the district officer saves other rules, the page shows how many children and obligations the
 * change moves. The preview writes nothing, and its numbers are what a save then does: each save below is counted
 * from the obligations stored before and after it, the way the store keys them (kind and performer).
 */
let h: ApiHarness;
const d1Children = Object.values(children).filter((child) => child.region.districtId === 'd1');

beforeAll(async () => {
  h = await startApiHarness();
  h.setNow(AFTER_VISIT);
  // One completed visit, so the rules count from a last completion for one child and from registration for the rest.
  expect((await postCheckIn(h, 'socialWorkerPledged', children.a1.id, homeVisitBody())).status).toBe(201);
});

type Stored = Map<string, Map<string, string>>;

/** Every d1 child's obligations as stored: key (kind:performer) → due date. */
async function storedObligations(): Promise<Stored> {
  const stored: Stored = new Map();
  for (const child of d1Children) {
    const entries = await h.table.repositories.obligations.listOfChild(child.id);
    stored.set(child.id, new Map(entries.map((e) => [`${e.obligation.kind}:${e.obligation.performer}`, e.obligation.dueDate])));
  }
  return stored;
}

/** What a save did, counted independently of the preview's own code. */
function countMoves(before: Stored, after: Stored) {
  let added = 0;
  let removed = 0;
  let dueDateMoved = 0;
  let childrenAffected = 0;
  for (const [childId, old] of before) {
    const now = after.get(childId)!;
    const childAdded = [...now.keys()].filter((key) => !old.has(key)).length;
    const childRemoved = [...old.keys()].filter((key) => !now.has(key)).length;
    const childMoved = [...now].filter(([key, due]) => old.has(key) && old.get(key) !== due).length;
    added += childAdded;
    removed += childRemoved;
    dueDateMoved += childMoved;
    if (childAdded + childRemoved + childMoved > 0) childrenAffected += 1;
  }
  return { childrenTotal: before.size, childrenAffected, obligations: { added, removed, dueDateMoved } };
}

async function currentVersion(): Promise<number> {
  return (await h.call('GET', '/api/v1/districts/d1/policy', { as: 'districtOfficer' })).body.version;
}

function preview(as: SeededUser, body: unknown, district = 'd1') {
  return h.call('POST', `/api/v1/districts/${district}/policy/preview`, { as, json: body });
}

describe('the preview of a policy change (POST /districts/{id}/policy/preview)', () => {
  // d1 starts with R3, R11, R14, R19, R21. The first change drops the city's and the district's own rules and takes
  // the ministry's preventive visits (R20): directors' contacts go, visits move. The second brings them back.
  it.each([
    ['drop R3 and R11, take R20', ['R14', 'R19', 'R20', 'R21']],
    ['back to R3, R11, R14, R19, R21', ['R3', 'R11', 'R14', 'R19', 'R21']],
  ] as const)('%s: writes nothing, and a save then moves exactly what it said', async (_, ruleIds) => {
    // Prepare
    const body = { ruleIds, unconfirmedAfterDays: 3, version: await currentVersion() };
    const before = await storedObligations();

    // Act
    let answer: Awaited<ReturnType<typeof preview>> | undefined;
    const previewWrites = await h.writesOf(async () => {
      answer = await preview('districtOfficer', body);
    });
    const saved = await h.call('PUT', '/api/v1/districts/d1/policy', { as: 'districtOfficer', json: body });
    // The children are recomputed by the job PolicyChanged starts, not in the request.
    await h.drainEvents();
    const after = await storedObligations();

    // Assess
    expect(answer!.status).toBe(200);
    expect(previewWrites).toEqual({ added: [], removedOrChanged: [] });
    expect(saved.status).toBe(200);
    const moved = countMoves(before, after);
    expect(answer!.body).toEqual({ districtId: 'd1', version: body.version, ...moved });
    expect(moved.childrenAffected).toBeGreaterThan(0);
  });

  it('has counted additions, removals and moved due dates in the two changes above', async () => {
    // Prepare: the same two changes again, previewed only.
    const version = await currentVersion();
    const drop = await preview('districtOfficer', { ruleIds: ['R14', 'R19', 'R20', 'R21'], unconfirmedAfterDays: 3, version });
    await h.call('PUT', '/api/v1/districts/d1/policy', { as: 'districtOfficer', json: { ruleIds: ['R14', 'R19', 'R20', 'R21'], unconfirmedAfterDays: 3, version } });
    await h.drainEvents();
    const restore = await preview('districtOfficer', { ruleIds: ['R3', 'R11', 'R14', 'R19', 'R21'], unconfirmedAfterDays: 3, version: version + 1 });

    // Assess: every kind of move shows up, so the equality above was not between zeros.
    expect(drop.body.obligations.removed).toBeGreaterThan(0);
    expect(drop.body.obligations.dueDateMoved).toBeGreaterThan(0);
    expect(restore.body.obligations.added).toBeGreaterThan(0);
    expect(drop.body.childrenTotal).toBe(d1Children.length);
  });

  it('says nothing moves when the rules stay the same (only the unconfirmed limit changes)', async () => {
    const current = (await h.call('GET', '/api/v1/districts/d1/policy', { as: 'districtOfficer' })).body;
    const res = await preview('districtOfficer', { ruleIds: current.ruleIds, unconfirmedAfterDays: 9, version: current.version });
    expect(res.body).toMatchObject({ childrenTotal: d1Children.length, childrenAffected: 0, obligations: { added: 0, removed: 0, dueDateMoved: 0 } });
  });

  it('answers a preview made from a stale page with 409 on the version, as the save would', async () => {
    const version = await currentVersion();
    const res = await preview('districtOfficer', { ruleIds: ['R3'], unconfirmedAfterDays: 3, version: version - 1 });
    expect(res.status).toBe(409);
    expect(res.body.field).toBe('version');
  });

  it('refuses bad rules naming the field', async () => {
    const res = await preview('districtOfficer', { ruleIds: ['R99'], unconfirmedAfterDays: 3, version: await currentVersion() });
    expect([res.status, res.body.field]).toEqual([400, 'ruleIds.0']);
  });
});

describe('who may preview', () => {
  it.each([
    ['guardianA', 403, 'roleCannot'],
    ['directorV1', 403, 'roleCannot'],
    ['supervisorT1', 403, 'roleCannot'],
    ['orgAdmin', 403, 'roleCannot'],
    ['cityOfficer', 403, 'roleCannot'],
  ] as const)('%s is refused (%i), and the refusal is audited', async (who, status, reason) => {
    const body = { ruleIds: ['R19'], unconfirmedAfterDays: 3, version: await currentVersion() };
    let res: Awaited<ReturnType<typeof preview>> | undefined;
    const writes = await h.writesOf(async () => {
      res = await preview(who, body);
    });
    expect(res!.status).toBe(status);
    expect(writes.added).toEqual([
      expect.objectContaining({
        entity: 'audit',
        actorId: users[who].id,
        action: 'policy.preview',
        outcome: 'denied',
        reason,
        route: 'POST /api/v1/districts/:districtId/policy/preview',
      }),
    ]);
  });

  it('another district’s officer gets the same 404 as for a district that does not exist, audited', async () => {
    const otherOfficer = { ...users.districtOfficer, id: 'u-district-d2-preview', scope: { level: 'district' as const, regionId: 'd2' }, wechatOpenId: null };
    await h.table.repositories.users.create(otherOfficer);
    const token = (await sessionTokensFor(h.deps).issue(otherOfficer)).token;
    const body = { ruleIds: ['R19'], unconfirmedAfterDays: 3, version: await currentVersion() };

    let res: Awaited<ReturnType<typeof preview>> | undefined;
    const writes = await h.writesOf(async () => {
      res = await h.call('POST', '/api/v1/districts/d1/policy/preview', { token, json: body });
    });

    expect(res!.status).toBe(404);
    expect(writes.added).toEqual([expect.objectContaining({ actorId: otherOfficer.id, action: 'policy.preview', outcome: 'denied', reason: 'notRelated' })]);
    // Its own district, which never chose and has no children, previews fine.
    const own = await h.call('POST', '/api/v1/districts/d2/policy/preview', { token, json: { ...body, version: 0 } });
    expect(own.body).toEqual({ districtId: 'd2', version: 0, childrenTotal: 0, childrenAffected: 0, obligations: { added: 0, removed: 0, dueDateMoved: 0 } });
  });
});
