import { describe, expect, it } from 'vitest';
import type { ChildListPage, ChildSummary, ListChildrenQuery } from '../../miniapp/src/api/index.js';
import { appendPage, emptyPagedChildren } from '../../miniapp/src/lib/paging.js';
import { formatHeadcount, summariseRoster } from '../../miniapp/src/lib/roster.js';

function child(id: string): ChildSummary {
  return {
    id,
    name: `儿童${id}`,
    gender: 'female',
    birthDate: '2015-05-01',
    region: { cityId: 'c1', districtId: 'd1', townId: 't1', villageId: 'v1' },
    status: 'active',
    addressMasked: '上海市松江区****',
    guardianNamesMasked: ['张*'],
    hasTeam: true,
  };
}

/** A list endpoint over `total` children, `size` per page, with the cursor being the next offset. */
function pagedList(total: number, size: number) {
  const asked: ListChildrenQuery[] = [];
  const listChildren = async (query: ListChildrenQuery = {}): Promise<ChildListPage> => {
    asked.push(query);
    const start = Number(query.cursor ?? 0);
    const items = Array.from({ length: Math.max(0, Math.min(size, total - start)) }, (_, i) => child(`c${start + i}`));
    const next = start + size < total ? String(start + size) : null;
    return { items, nextCursor: next, regionNames: { [`v${start}`]: `村${start}` } };
  };
  return { asked, listChildren };
}

describe('the roster count on the home page', () => {
  it('walks every page, passing each cursor back, and reports a complete count', async () => {
    const api = pagedList(25, 10);

    const summary = await summariseRoster(api.listChildren);

    expect(summary.count).toBe(25);
    expect(summary.complete).toBe(true);
    expect(api.asked.map((q) => q.cursor)).toEqual([null, '10', '20']);
    expect(summary.regionNames).toEqual({ v0: '村0', v10: '村10', v20: '村20' });
    expect(formatHeadcount(summary)).toBe('25 名');
  });

  it('stops at the page limit and says there are more', async () => {
    const api = pagedList(100, 10);

    const summary = await summariseRoster(api.listChildren, 3);

    expect(api.asked).toHaveLength(3);
    expect(summary).toMatchObject({ count: 30, complete: false });
    expect(formatHeadcount(summary)).toBe('30+ 名');
  });

  it('counts nobody when the list is empty', async () => {
    const summary = await summariseRoster(pagedList(0, 10).listChildren);
    expect(formatHeadcount(summary)).toBe('0 名');
  });
});

describe('the paged children list', () => {
  const page = (ids: string[], nextCursor: string | null, regionNames = {}): ChildListPage => ({
    items: ids.map(child),
    nextCursor,
    regionNames,
  });

  it('appends pages, keeps the newest cursor and merges region names', () => {
    const first = appendPage(emptyPagedChildren, page(['a', 'b'], 'p2', { v1: '青松村' }), false);
    const second = appendPage(first, page(['c'], null, { t1: '泖港镇' }), false);

    expect(second.items.map((c) => c.id)).toEqual(['a', 'b', 'c']);
    expect(second.nextCursor).toBeNull();
    expect(second.loaded).toBe(true);
    expect(second.regionNames).toEqual({ v1: '青松村', t1: '泖港镇' });
  });

  it('lists a child once even if two pages both carry it', () => {
    const first = appendPage(emptyPagedChildren, page(['a', 'b'], 'p2'), false);
    expect(appendPage(first, page(['b', 'c'], null), false).items.map((c) => c.id)).toEqual(['a', 'b', 'c']);
  });

  it('starts over on refresh', () => {
    const first = appendPage(emptyPagedChildren, page(['a', 'b'], 'p2', { v1: '旧村' }), false);
    const refreshed = appendPage(first, page(['x'], 'p2b', { v2: '新村' }), true);

    expect(refreshed.items.map((c) => c.id)).toEqual(['x']);
    expect(refreshed.nextCursor).toBe('p2b');
    expect(refreshed.regionNames).toEqual({ v2: '新村' });
  });
});
