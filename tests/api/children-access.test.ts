import { beforeAll, describe, expect, it } from 'vitest';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { children, users, type SeededChild, type SeededUser } from './support/seed-area.js';

/**
 * Every role against every child endpoint, on DynamoDB Local. The expected sets follow ARCHITECTURE.md "Who may see
 * what": a guardian their own children, a director their village, a supervisor their town, a social worker their
 * teams' children (after the pledge, R8), an organization admin its organization's children in its district,
 * officers their area, a volunteer nothing.
 */
const allChildren: SeededChild[] = ['a1', 'a2', 'b1', 'c1'];

const readable: Record<SeededUser, SeededChild[]> = {
  guardianA: ['a1', 'a2'],
  guardianB: ['b1'],
  directorV1: ['a1', 'a2'],
  directorV2: ['c1'],
  directorV3: ['b1'],
  supervisorT1: ['a1', 'a2', 'c1'],
  supervisorT2: ['b1'],
  socialWorkerPledged: ['a1', 'c1'],
  socialWorkerUnpledged: [],
  volunteer: [],
  orgAdmin: ['a1', 'b1'],
  districtOfficer: allChildren,
  cityOfficer: allChildren,
};

const listRefused: Partial<Record<SeededUser, string>> = { volunteer: 'roleCannot', socialWorkerUnpledged: 'pledgeMissing' };

const everyone = Object.keys(users) as SeededUser[];
const pairs = everyone.flatMap((who) => allChildren.map((which) => [who, which] as const));

/** Personal data that must never appear in a list body, nor in any 404 body. */
const personalData = Object.values(children).flatMap((child) => [
  child.address,
  ...(child.idNumber ? [child.idNumber] : []),
  ...child.guardians.flatMap((g) => [g.name, ...(g.phone ? [g.phone] : [])]),
]);

let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness();
});

async function newestAuditOf(who: SeededUser) {
  const [entry] = await h.table.repositories.audit.listByActor(users[who].id, 1);
  return entry;
}

describe('GET /api/v1/children/{id}: every role against every child', () => {
  it.each(pairs)('%s reading child %s', async (who, which) => {
    // Prepare: one second per call, so the newest audit entry of the actor is this call's.
    h.advanceSeconds(1);
    const child = children[which];
    const allowed = readable[who].includes(which);

    // Act
    const res = await h.call('GET', `/api/v1/children/${child.id}`, { as: who });

    // Assess
    expect(res.headers.get('cache-control')).toBe('no-store');
    const entry = await newestAuditOf(who);
    if (allowed) {
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(child.id);
      expect(entry).toMatchObject({ action: 'child.read', childId: child.id, outcome: 'allowed', actorRole: users[who].role });
    } else {
      // R8 (issue 11): an unsigned pledge is refused as itself (403 pledge-required, leading to the pledge), not as 404.
      expect(res.status).toBe(who === 'socialWorkerUnpledged' ? 403 : 404);
      if (who === 'socialWorkerUnpledged') expect(res.body.type).toBe('urn:shouhu:problem:pledge-required');
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.text).not.toContain(child.name);
      for (const value of personalData) expect(res.text).not.toContain(value);
      expect(entry).toMatchObject({ action: 'child.read', childId: child.id, outcome: 'denied' });
      expect(entry.reason).toMatch(/^(notRelated|roleCannot|pledgeMissing)$/);
    }
  });

  it('answers a refused child and an unknown id with the same body (no existence leak)', async () => {
    const refused = await h.call('GET', `/api/v1/children/${children.b1.id}`, { as: 'guardianA' });
    const unknown = await h.call('GET', '/api/v1/children/child-does-not-exist', { as: 'guardianA' });

    const { requestId: _a, ...refusedBody } = refused.body;
    const { requestId: _b, ...unknownBody } = unknown.body;
    expect(refused.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(refusedBody).toEqual(unknownBody);
  });

  it('gives a guardian what a family needs and not the grading or the ID number', async () => {
    const res = await h.call('GET', `/api/v1/children/${children.a1.id}`, { as: 'guardianA' });

    expect(res.status).toBe(200);
    expect(res.body.name).toBe(children.a1.name);
    for (const hidden of ['idNumber', 'riskLevel', 'flags', 'categories', 'legalBasis', 'teamHistory', 'organizationId']) {
      expect(res.body).not.toHaveProperty(hidden);
    }
  });

  it('shows a guardian their child’s team by name and role, with the work phones to call (issue 7, B7)', async () => {
    const res = await h.call('GET', `/api/v1/children/${children.a1.id}`, { as: 'guardianA' });

    expect(res.body.teamMembers).toEqual([
      { role: 'socialWorker', userId: users.socialWorkerPledged.id, name: '吴社工', phone: users.socialWorkerPledged.phone },
      { role: 'director', userId: users.directorV1.id, name: '张东湾', phone: users.directorV1.phone },
      { role: 'supervisor', userId: users.supervisorT1.id, name: '孙河口', phone: users.supervisorT1.phone },
    ]);
    // A child without a team has nobody to name yet.
    expect((await h.call('GET', `/api/v1/children/${children.a2.id}`, { as: 'guardianA' })).body.teamMembers).toEqual([]);
  });

  it('gives a director the full record of a child in the village, ID number included', async () => {
    const res = await h.call('GET', `/api/v1/children/${children.a1.id}`, { as: 'directorV1' });

    expect(res.body).toMatchObject({ idNumber: children.a1.idNumber, riskLevel: 'red', legalBasis: children.a1.legalBasis });
  });

  it('records who viewed the record, for the child ("who viewed this record")', async () => {
    await h.call('GET', `/api/v1/children/${children.c1.id}`, { as: 'directorV2' });

    const entries = await h.table.repositories.audit.listByChild(children.c1.id, 100);
    const viewers = new Set(entries.filter((e) => e.action === 'child.read' && e.outcome === 'allowed').map((e) => e.actorId));
    expect(viewers).toEqual(new Set(['u-director-v2', 'u-supervisor-t1', 'u-sw-pledged', 'u-district', 'u-city']));
  });
});

describe('GET /api/v1/children: scoped lists, masked', () => {
  it.each(everyone)('%s gets exactly the children of their scope', async (who) => {
    h.advanceSeconds(1);
    const before = await h.table.repositories.audit.listByActor(users[who].id, 200);

    const res = await h.call('GET', '/api/v1/children?limit=100', { as: who });

    const after = await h.table.repositories.audit.listByActor(users[who].id, 200);
    const added = after.slice(0, after.length - before.length);
    if (listRefused[who]) {
      expect(res.status).toBe(403);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(added).toEqual([expect.objectContaining({ action: 'child.list', childId: null, outcome: 'denied', reason: listRefused[who] })]);
      return;
    }
    expect(res.status).toBe(200);
    const ids = res.body.items.map((item: { id: string }) => item.id).sort();
    expect(ids).toEqual(readable[who].map((which) => children[which].id).sort());
    expect(res.body.nextCursor).toBeNull();
    expect(added.map((e) => e.childId).sort()).toEqual(ids);
    expect(added.every((e) => e.action === 'child.list' && e.outcome === 'allowed')).toBe(true);
  });

  it('masks ID numbers, phones, addresses and guardian names in every list', async () => {
    for (const who of everyone) {
      const res = await h.call('GET', '/api/v1/children?limit=100', { as: who });
      for (const value of personalData) expect(res.text).not.toContain(value);
    }
  });

  it('shows a director the masked ID number and the risk level, and a guardian neither', async () => {
    const director = await h.call('GET', '/api/v1/children', { as: 'directorV1' });
    const guardian = await h.call('GET', '/api/v1/children', { as: 'guardianA' });

    const a1ForDirector = director.body.items.find((item: { id: string }) => item.id === children.a1.id);
    expect(a1ForDirector).toMatchObject({ riskLevel: 'red', idNumberMasked: '310***********1234', addressMasked: '江城市临江区****' });
    expect(a1ForDirector.guardianNamesMasked).toEqual(['李*山']);
    for (const item of guardian.body.items) {
      expect(item).not.toHaveProperty('riskLevel');
      expect(item).not.toHaveProperty('idNumberMasked');
      expect(item).not.toHaveProperty('categories');
    }
  });

  it('names the towns and villages of the page', async () => {
    const res = await h.call('GET', '/api/v1/children', { as: 'supervisorT1' });

    expect(res.body.regionNames).toEqual({ t1: '河口镇', v1: '东湾村', v2: '西湾村' });
  });

  it('walks a city-wide list page by page without loss or repeat', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `limit=1&cursor=${encodeURIComponent(cursor)}` : 'limit=1';
      const res = await h.call('GET', `/api/v1/children?${query}`, { as: 'cityOfficer' });
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...res.body.items.map((item: { id: string }) => item.id));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 10);

    expect(cursor).toBeNull();
    expect([...seen].sort()).toEqual(allChildren.map((which) => children[which].id).sort());
  });
});

describe('PATCH /api/v1/children/{id}: every role against child a1', () => {
  const expected: Record<SeededUser, number> = {
    guardianA: 403,
    guardianB: 404,
    directorV1: 200,
    directorV2: 404,
    directorV3: 404,
    supervisorT1: 200,
    supervisorT2: 404,
    socialWorkerPledged: 200,
    // R8 (issue 11): refused as pledge-required, not 404.
    socialWorkerUnpledged: 403,
    volunteer: 404,
    orgAdmin: 403,
    districtOfficer: 200,
    cityOfficer: 403,
  };

  it.each(everyone)('%s', async (who) => {
    const current = (await h.table.repositories.children.get(children.a1.id))!;
    // Each role asks for a change its role may make, so only the relation to the child decides.
    const changes = users[who].role === 'socialWorker' ? { flags: ['livingAlone', 'poverty'] } : { address: `东湾村${who}号` };

    const res = await h.call('PATCH', `/api/v1/children/${children.a1.id}`, { as: who, json: { version: current.version, changes } });

    expect(res.status).toBe(expected[who]);
    const stored = (await h.table.repositories.children.get(children.a1.id))!;
    expect(stored.version).toBe(expected[who] === 200 ? current.version + 1 : current.version);
    if (expected[who] === 200) expect(res.body.version).toBe(current.version + 1);
  });
});

describe('PUT /api/v1/children/{id}/team: every role against child c1', () => {
  const expected: Record<SeededUser, number> = {
    guardianA: 404,
    guardianB: 404,
    directorV1: 404,
    directorV2: 403,
    directorV3: 404,
    supervisorT1: 200,
    supervisorT2: 404,
    socialWorkerPledged: 403,
    // R8 (issue 11): refused as pledge-required, not 404.
    socialWorkerUnpledged: 403,
    volunteer: 404,
    orgAdmin: 404,
    districtOfficer: 200,
    cityOfficer: 403,
  };

  it.each(everyone)('%s', async (who) => {
    const current = (await h.table.repositories.children.get(children.c1.id))!;

    const res = await h.call('PUT', `/api/v1/children/${children.c1.id}/team`, {
      as: who,
      json: { version: current.version, team: current.team, reason: null },
    });

    expect(res.status).toBe(expected[who]);
    const stored = (await h.table.repositories.children.get(children.c1.id))!;
    expect(stored.teamHistory.length).toBe(current.teamHistory.length + (expected[who] === 200 ? 1 : 0));
  });
});

describe('POST /api/v1/children: every role, in and out of scope', () => {
  function newChild(village: 'v1' | 'v2' | 'v3' | 'v4') {
    const pathOf = { v1: ['t1', 'd1'], v2: ['t1', 'd1'], v3: ['t2', 'd1'], v4: ['t3', 'd2'] }[village];
    return {
      name: '孙小花',
      gender: 'female',
      birthDate: '2012-06-01',
      address: '江城市某村9组1号',
      region: { cityId: 'c1', districtId: pathOf[1], townId: pathOf[0], villageId: village },
      categories: ['leftBehind'],
      riskLevel: 'yellow',
      guardians: [{ userId: null, name: '孙大海', relation: 'father', phone: null }],
      legalBasis: { kind: 'statutoryDuty', authority: '《未成年人保护法》第八十一条' },
    };
  }

  it.each([
    ['directorV1', 'v1', 201],
    ['directorV1', 'v2', 403],
    ['supervisorT1', 'v2', 201],
    ['supervisorT1', 'v3', 403],
    ['districtOfficer', 'v3', 201],
    ['districtOfficer', 'v4', 403],
    ['cityOfficer', 'v1', 403],
    ['guardianA', 'v1', 403],
    ['socialWorkerPledged', 'v1', 403],
    ['volunteer', 'v1', 403],
    ['orgAdmin', 'v1', 403],
  ] as const)('%s registering a child in %s → %i', async (who, village, status) => {
    h.advanceSeconds(1);

    const res = await h.call('POST', '/api/v1/children', { as: who, json: newChild(village) });

    expect(res.status).toBe(status);
    const entry = await newestAuditOf(who);
    if (status === 201) {
      expect(res.headers.get('location')).toBe(`/api/v1/children/${res.body.id}`);
      expect(await h.table.repositories.children.get(res.body.id)).toMatchObject({ name: '孙小花', version: 1, status: 'active' });
      expect(entry).toMatchObject({ action: 'child.create', childId: res.body.id, outcome: 'allowed' });
    } else {
      expect(entry).toMatchObject({ action: 'child.create', childId: null, outcome: 'denied' });
    }
  });
});
