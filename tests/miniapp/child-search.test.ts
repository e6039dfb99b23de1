import { describe, expect, it } from 'vitest';
import type { ChildListPage, ChildSummary, FilterVillage } from '../../miniapp/src/api/types.js';
import { activeFiltersOf, fillPage, filterOf, noSearch, villagesByTown } from '../../miniapp/src/lib/child-search.js';

const villages: FilterVillage[] = [
  { id: 'v1', name: '井凌桥村', townId: 't1', townName: '叶榭镇' },
  { id: 'v2', name: '徐姚村', townId: 't1', townName: '叶榭镇' },
  { id: 'v3', name: '泖港村', townId: 't2', townName: '泖港镇' },
];

describe('the list page’s search (issue 7, B8)', () => {
  it('sends only what is chosen, without the spaces around the name (blank is no search)', () => {
    expect(filterOf(noSearch)).toEqual({});
    expect(filterOf({ ...noSearch, text: '\u3000 ' })).toEqual({});
    expect(filterOf({ text: ' 小明 ', villageId: 'v1', riskLevel: 'red', category: 'orphan' })).toEqual({
      q: '小明',
      villageId: 'v1',
      riskLevel: 'red',
      category: 'orphan',
    });
  });

  it('says the chosen filters in words: the village by its name, the grade and the category in Chinese', () => {
    expect(activeFiltersOf({ ...noSearch, villageId: 'v3', riskLevel: 'yellow', category: 'leftBehind' }, villages)).toEqual([
      { key: 'villageId', label: '泖港村' },
      { key: 'riskLevel', label: '黄色风险' },
      { key: 'category', label: '农村留守儿童' },
    ]);
  });

  it('groups villages under their towns, in the order given', () => {
    expect(villagesByTown(villages).map((t) => [t.townName, t.villages.map((v) => v.name)])).toEqual([
      ['叶榭镇', ['井凌桥村', '徐姚村']],
      ['泖港镇', ['泖港村']],
    ]);
  });
});

describe('a page filled under a filter', () => {
  const child = (id: string) => ({ id }) as ChildSummary;
  /** A server whose filtered pages come back as scripted, cursor by cursor. */
  function server(pages: Record<string, ChildListPage>) {
    const asked: (string | null)[] = [];
    return {
      asked,
      fetch: async (cursor: string | null) => {
        asked.push(cursor);
        return pages[cursor ?? 'start'];
      },
    };
  }

  it('goes on past short pages that still have more, until the page is full', async () => {
    const s = server({
      start: { items: [], nextCursor: 'a', regionNames: {} },
      a: { items: [child('c1')], nextCursor: 'b', regionNames: { v1: '井凌桥村' } },
      b: { items: [child('c2'), child('c3')], nextCursor: 'c', regionNames: {} },
    });
    const page = await fillPage(s.fetch, null, 3);
    expect(page).toEqual({ items: [child('c1'), child('c2'), child('c3')], nextCursor: 'c', regionNames: { v1: '井凌桥村' } });
    expect(s.asked).toEqual([null, 'a', 'b']);
  });

  it('stops at the end of the list, and after a few requests with the cursor to go on from', async () => {
    const ended = server({ start: { items: [child('c1')], nextCursor: null, regionNames: {} } });
    expect((await fillPage(ended.fetch, null, 20)).nextCursor).toBeNull();
    const slow = server({ start: { items: [], nextCursor: 'a', regionNames: {} }, a: { items: [], nextCursor: 'b', regionNames: {} } });
    expect(await fillPage(slow.fetch, null, 20, 2)).toEqual({ items: [], nextCursor: 'b', regionNames: {} });
  });
});
