import type { ChildListPage, ChildSummary } from '../api/types';

/** What a paged list has shown so far. */
export interface PagedChildren {
  items: ChildSummary[];
  regionNames: Record<string, string>;
  /** Where the next page starts; null once the last page arrived. */
  nextCursor: string | null;
  /** True after the first answer, so "no children" is told apart from "not loaded yet". */
  loaded: boolean;
}

export const emptyPagedChildren: PagedChildren = { items: [], regionNames: {}, nextCursor: null, loaded: false };

/** Adds a page to the list, or starts over with it (pull-down refresh). A child seen twice is listed once. */
export function appendPage(state: PagedChildren, page: ChildListPage, restart: boolean): PagedChildren {
  const before = restart ? [] : state.items;
  const seen = new Set(before.map((child) => child.id));
  return {
    items: [...before, ...page.items.filter((child) => !seen.has(child.id))],
    regionNames: { ...(restart ? {} : state.regionNames), ...page.regionNames },
    nextCursor: page.nextCursor,
    loaded: true,
  };
}
