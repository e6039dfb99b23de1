import { describe, expect, it } from 'vitest';
import type { ChildListPage, ChildSummary } from '../../miniapp/src/api/index.js';
import { appendPage, emptyPagedChildren } from '../../miniapp/src/lib/paging.js';
import { formatHeadcount } from '../../miniapp/src/lib/roster.js';

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

describe('the roster count on the home page', () => {
  it('says how many children, from GET /children/count', () => {
    expect(formatHeadcount(25)).toBe('25 名');
    expect(formatHeadcount(0)).toBe('0 名');
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
