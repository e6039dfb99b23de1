import { beforeAll, describe, expect, it } from 'vitest';
import { roles } from '../../functions/src/domain/user.js';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { children, users, type SeededUser } from './support/seed-area.js';

/**
 * Issue 7, B8: lists of children searched by name and filtered by village, risk and category, for every role. The
 * seeded children of district d1: 李小明 (a1, 东湾村 v1, red, left-behind, family A, org1), 李小红 (a2, v1, green,
 * left-behind, family A), 王小军 (b1, 石桥村 v3 of the other town, yellow, difficult, family B, org1), 赵小兰 (c1,
 * 西湾村 v2, yellow, left-behind). Guardians' names (李大山, 王秀英, 赵建国) are masked in lists (李*山): their hidden
 * characters must find nothing.
 */
let h: ApiHarness;

beforeAll(async () => {
  h = await startApiHarness();
});

const { a1, a2, b1, c1 } = children;

async function listed(who: SeededUser, query: string): Promise<string[]> {
  const res = await h.call('GET', `/api/v1/children?limit=100${query ? `&${query}` : ''}`, { as: who });
  expect(res.status, `${who} ${query}: ${res.text}`).toBe(200);
  expect(res.body.nextCursor).toBeNull();
  return res.body.items.map((child: { id: string }) => child.id).sort();
}

async function counted(who: SeededUser, query: string): Promise<number> {
  const res = await h.call('GET', `/api/v1/children/count${query ? `?${query}` : ''}`, { as: who });
  expect(res.status).toBe(200);
  return res.body.count;
}

const q = (text: string) => `q=${encodeURIComponent(text)}`;

describe('search by name (q)', () => {
  it.each<[string, string, string[]]>([
    ['a surname', q('李'), [a1.id, a2.id]],
    ['a given name', q('小红'), [a2.id]],
    ['a character all share', q('小'), [a1.id, a2.id, b1.id, c1.id]],
    ['nobody', q('欧阳'), []],
    // The shared text normalisation: ideographic spaces around the text are dropped, as when a name is stored.
    ['with spaces around it', `q=${encodeURIComponent('\u3000李小\u3000')}`, [a1.id, a2.id]],
  ])('finds children by %s, and counts them alike', async (_, query, expected) => {
    expect(await listed('districtOfficer', query)).toEqual(expected.sort());
    expect(await counted('districtOfficer', query)).toBe(expected.length);
  });

  it.each(['大', '大山', '秀', '建国', '东湾村3组', '12号', '310117', '1234'])(
    'does not match what lists mask (guardians’ names, addresses, ID numbers): %s',
    async (text) => {
      for (const who of ['districtOfficer', 'guardianA', 'directorV1', 'orgAdmin'] as const) {
        expect(await listed(who, q(text))).toEqual([]);
      }
    },
  );

  it('answers a blank or an over-long search with 400 naming q', async () => {
    for (const text of ['\u3000 ', 'x'.repeat(21)]) {
      const res = await h.call('GET', `/api/v1/children?${q(text)}`, { as: 'districtOfficer' });
      expect([res.status, res.body.field]).toEqual([400, 'q']);
    }
  });
});

describe('filter by village (villageId)', () => {
  it('narrows an area’s list to a village within it', async () => {
    expect(await listed('districtOfficer', 'villageId=v3')).toEqual([b1.id]);
    expect(await listed('supervisorT1', 'villageId=v2')).toEqual([c1.id]);
    expect(await listed('directorV1', 'villageId=v1')).toEqual([a1.id, a2.id]);
    expect(await listed('cityOfficer', 'villageId=v1')).toEqual([a1.id, a2.id]);
    expect(await counted('supervisorT1', 'villageId=v1')).toBe(2);
  });

  it.each<[SeededUser, string]>([
    ['supervisorT1', 'v3'],
    ['directorV1', 'v2'],
    ['districtOfficer', 'v4'],
    ['districtOfficer', 'no-such-village'],
    ['districtOfficer', 't1'],
  ])('refuses %s a village outside their area (%s) with 403 naming villageId, audited', async (who, villageId) => {
    let status = 0;
    let field = '';
    const writes = await h.writesOf(async () => {
      const res = await h.call('GET', `/api/v1/children?villageId=${villageId}`, { as: who });
      [status, field] = [res.status, res.body.field];
    });
    expect([status, field]).toEqual([403, 'villageId']);
    expect(writes.added).toEqual([
      expect.objectContaining({ entity: 'audit', actorId: users[who].id, action: 'child.list', outcome: 'denied', reason: 'notRelated' }),
    ]);
    expect((await h.call('GET', `/api/v1/children/count?villageId=${villageId}`, { as: who })).status).toBe(403);
  });

  it('narrows a guardian’s or a social worker’s own children, wherever the village is', async () => {
    expect(await listed('socialWorkerPledged', 'villageId=v2')).toEqual([c1.id]);
    expect(await listed('socialWorkerPledged', 'villageId=v3')).toEqual([]);
    expect(await listed('guardianA', 'villageId=v1')).toEqual([a1.id, a2.id]);
    expect(await listed('guardianA', 'villageId=v3')).toEqual([]);
  });
});

describe('filter by risk grade and category', () => {
  it('finds the children of a grade, a category, or both', async () => {
    expect(await listed('districtOfficer', 'riskLevel=yellow')).toEqual([b1.id, c1.id]);
    expect(await listed('districtOfficer', 'category=difficult')).toEqual([b1.id]);
    expect(await listed('districtOfficer', 'category=leftBehind&riskLevel=yellow')).toEqual([c1.id]);
    expect(await listed('supervisorT1', `riskLevel=red&${q('李')}`)).toEqual([a1.id]);
    // The organization's admin sees its organization's children only, filtered or not.
    expect(await listed('orgAdmin', 'category=leftBehind')).toEqual([a1.id]);
    expect(await counted('districtOfficer', 'riskLevel=yellow')).toBe(2);
  });

  it.each(['riskLevel=red', 'category=leftBehind'])('is not for guardians, who never see grading (%s): 403, audited', async (query) => {
    let status = 0;
    const writes = await h.writesOf(async () => {
      status = (await h.call('GET', `/api/v1/children?${query}`, { as: 'guardianA' })).status;
    });
    expect(status).toBe(403);
    expect(writes.added).toEqual([expect.objectContaining({ action: 'child.list', outcome: 'denied', reason: 'roleCannot' })]);
    expect((await h.call('GET', `/api/v1/children/count?${query}`, { as: 'guardianA' })).status).toBe(403);
  });

  it('refuses unknown grades, categories and parameters naming them', async () => {
    for (const [query, field] of [['riskLevel=purple', 'riskLevel'], ['category=rich', 'category'], ['town=t1', 'town']]) {
      const res = await h.call('GET', `/api/v1/children?${query}`, { as: 'districtOfficer' });
      expect([res.status, res.body.field]).toEqual([400, field]);
    }
  });
});

describe('no role sees a child outside its scope through a filter', () => {
  const filters = [
    '',
    q('小'),
    q('李'),
    ...['v1', 'v2', 'v3', 'v4'].map((v) => `villageId=${v}`),
    ...['red', 'yellow', 'green'].map((r) => `riskLevel=${r}`),
    ...['difficult', 'leftBehind', 'orphan'].map((c) => `category=${c}`),
  ];
  const everyone = Object.keys(users) as SeededUser[];

  it('covers every role', () => {
    expect(new Set(everyone.map((who) => users[who].role))).toEqual(new Set(roles));
  });

  it.each(everyone)('%s', async (who) => {
    const unfiltered = await h.call('GET', '/api/v1/children?limit=100', { as: who });
    const scope = unfiltered.status === 200 ? new Set<string>(unfiltered.body.items.map((c: { id: string }) => c.id)) : new Set<string>();
    for (const filter of filters) {
      const res = await h.call('GET', `/api/v1/children?limit=100&${filter}`, { as: who });
      if (res.status !== 200) {
        expect(res.status, `${who} ${filter}`).toBe(403);
        continue;
      }
      for (const child of res.body.items) expect(scope.has(child.id), `${who} ${filter} ${child.id}`).toBe(true);
    }
  });
});

describe('paging under a filter', () => {
  it('walks a search page by page without loss or repeat, keeping the filter in the cursor’s slice', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await h.call('GET', `/api/v1/children?limit=1&${q('小')}${cursor ? `&cursor=${cursor}` : ''}`, { as: 'districtOfficer' });
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((c: { id: string }) => c.id));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 10);
    expect(seen.sort()).toEqual([a1.id, a2.id, b1.id, c1.id].sort());
  });

  it('audits only the children shown', async () => {
    const writes = await h.writesOf(() => h.call('GET', `/api/v1/children?${q('小红')}`, { as: 'districtOfficer' }));
    expect(writes.added).toEqual([expect.objectContaining({ entity: 'audit', action: 'child.list', childId: a2.id, outcome: 'allowed' })]);
  });
});

describe('the villages a list may be narrowed to (GET /children/villages), by name', () => {
  const villagesOf = async (who: SeededUser) => {
    const res = await h.call('GET', '/api/v1/children/villages', { as: who });
    expect(res.status).toBe(200);
    return res.body.items.map((v: { id: string; name: string; townName: string }) => `${v.townName} ${v.name} ${v.id}`).sort();
  };

  it('are those of the actor’s area, each with its town', async () => {
    expect(await villagesOf('districtOfficer')).toEqual(['山前镇 石桥村 v3', '河口镇 东湾村 v1', '河口镇 西湾村 v2'].sort());
    expect(await villagesOf('supervisorT1')).toEqual(['河口镇 东湾村 v1', '河口镇 西湾村 v2']);
    expect(await villagesOf('directorV1')).toEqual(['河口镇 东湾村 v1']);
    expect(await villagesOf('cityOfficer')).toEqual(['山前镇 石桥村 v3', '河口镇 东湾村 v1', '河口镇 西湾村 v2', '渡口街道 码头社区 v4'].sort());
  });

  it('are those a social worker’s children live in, and none for a guardian', async () => {
    expect(await villagesOf('socialWorkerPledged')).toEqual(['河口镇 东湾村 v1', '河口镇 西湾村 v2']);
    expect(await villagesOf('guardianA')).toEqual([]);
  });

  it('are refused to whoever may not list children', async () => {
    expect((await h.call('GET', '/api/v1/children/villages', { as: 'volunteer' })).status).toBe(403);
    expect((await h.call('GET', '/api/v1/children/villages', { as: 'socialWorkerUnpledged' })).status).toBe(403);
  });
});
