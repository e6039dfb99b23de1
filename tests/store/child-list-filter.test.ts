import { beforeAll, describe, expect, it } from 'vitest';
import type { ChildListScope } from '../../functions/src/domain/access-policy.js';
import type { ChildListFilter } from '../../functions/src/domain/child-list-filter.js';
import { batchPut } from '../../functions/src/store/batch.js';
import { childItem } from '../../functions/src/store/child-items.js';
import type { Repositories } from '../../functions/src/store/ports.js';
import { FILTERED_PAGE_BUDGET } from '../../functions/src/store/query-page.js';
import { createTestTable } from '../support/dynamodb.js';
import { auditOf, createRegions, guardian, makeChild, storeChild, team } from './fixtures.js';

/**
 * Issue 7, B8: a filtered list reads the same slice of the index as the unfiltered one, filters it in DynamoDB, and
 * returns full pages where it can; a page whose reading reached its budget comes back short and says so with a
 * cursor. A large village (more children than one filtered page looks at) has one child of a rare name at its end.
 */
let repositories: Repositories;
const BIG_VILLAGE_SIZE = FILTERED_PAGE_BUDGET + 150;
const RARE = 'big-rare';

beforeAll(async () => {
  const table = await createTestTable('list-filter');
  ({ repositories } = table);
  await createRegions(repositories);
  // Written straight as items: the list reads the index and nothing else, and 1,150 children through transactions
  // would take a minute on DynamoDB Local. Ids sort the rare child last within the village.
  const big = Array.from({ length: BIG_VILLAGE_SIZE - 1 }, (_, i) => makeChild(`big-${String(i).padStart(5, '0')}`, { villageId: 'v2', name: '张三' }));
  big.push(makeChild(RARE, { villageId: 'v2', name: '欧阳小雨' }));
  await batchPut(table.client, table.tableName, big.map(childItem));

  // A social worker's five children in two villages; one grade and one category apart.
  const mine = [
    makeChild('sw-a', { villageId: 'v1', name: '王小明', riskLevel: 'red', team: team('sw-f') }),
    makeChild('sw-b', { villageId: 'v1', name: '王小红', team: team('sw-f') }),
    makeChild('sw-c', { villageId: 'v3', name: '李小明', categories: ['orphan'], team: team('sw-f') }),
    makeChild('sw-d', { villageId: 'v3', name: '李四', team: team('sw-f') }),
    makeChild('sw-e', { villageId: 'v3', name: '赵五', guardians: [guardian('g-f')], team: team('sw-f') }),
  ];
  await Promise.all(mine.map((child) => storeChild(repositories, child, auditOf('child.create', child.id))));
});

async function walk(scope: ChildListScope, filter: ChildListFilter, limit: number) {
  const pages: { ids: string[]; more: boolean }[] = [];
  let cursor: string | null = null;
  do {
    const page = await repositories.children.list(scope, { limit, cursor }, filter);
    pages.push({ ids: page.items.map((c) => c.id), more: page.nextCursor !== null });
    cursor = page.nextCursor;
    expect(pages.length).toBeLessThan(50);
  } while (cursor !== null);
  return pages;
}

const village2: ChildListScope = { kind: 'region', level: 'village', regionId: 'v2' };
const worker: ChildListScope = { kind: 'socialWorker', userId: 'sw-f' };

describe('a filtered list on the index', () => {
  it('comes back short with a cursor when its reading reaches the budget, and the next page finds the rare name', async () => {
    const pages = await walk(village2, { q: '欧阳' }, 20);

    expect(pages[0]).toEqual({ ids: [], more: true });
    expect(pages.flatMap((p) => p.ids)).toEqual([RARE]);
    expect(pages.at(-1)!.more).toBe(false);
  });

  it('fills its pages when matches are plenty, with nothing lost or repeated', async () => {
    const pages = await walk(village2, { q: '张' }, 100);

    const ids = pages.flatMap((p) => p.ids);
    expect(new Set(ids).size).toBe(BIG_VILLAGE_SIZE - 1);
    expect(pages.slice(0, -1).every((p) => p.ids.length === 100)).toBe(true);
  });

  it('counts what the filter keeps, over the whole slice', async () => {
    expect(await repositories.children.count(village2, { q: '欧阳' })).toBe(1);
    expect(await repositories.children.count(village2, { q: '张三' })).toBe(BIG_VILLAGE_SIZE - 1);
    expect(await repositories.children.count(village2, { riskLevel: 'red' })).toBe(0);
  });
});

describe('a worker’s (or a guardian’s) children, filtered once read', () => {
  it.each<[string, ChildListFilter, string[]]>([
    ['a name', { q: '小明' }, ['sw-a', 'sw-c']],
    ['a village', { villageId: 'v3' }, ['sw-c', 'sw-d', 'sw-e']],
    ['a grade', { riskLevel: 'red' }, ['sw-a']],
    ['a category', { category: 'orphan' }, ['sw-c']],
    ['a village and a name', { villageId: 'v1', q: '红' }, ['sw-b']],
    ['a village of another district', { villageId: 'v4' }, []],
  ])('by %s, page by page of 1, and counted alike', async (_, filter, expected) => {
    const pages = await walk(worker, filter, 1);

    expect(pages.flatMap((p) => p.ids).sort()).toEqual(expected);
    expect(pages.every((p) => p.ids.length <= 1)).toBe(true);
    expect(await repositories.children.count(worker, filter)).toBe(expected.length);
  });

  it('keeps a guardian to their own children whatever the filter', async () => {
    const guardianScope: ChildListScope = { kind: 'guardian', userId: 'g-f' };
    expect((await walk(guardianScope, { villageId: 'v3' }, 10)).flatMap((p) => p.ids)).toEqual(['sw-e']);
    expect((await walk(guardianScope, { q: '小明' }, 10)).flatMap((p) => p.ids)).toEqual([]);
  });
});
