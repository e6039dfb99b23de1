import type { ApiClient } from '../api/client';
import type { ChildSummary } from '../api/types';

export interface RosterSummary {
  /** Children seen while counting. */
  count: number;
  /** False when counting stopped at the page limit: there are more than `count`. */
  complete: boolean;
  items: ChildSummary[];
  regionNames: Record<string, string>;
}

/**
 * Counts the children a user may see by walking the list's pages. The API has no count endpoint; a village or a
 * family fits in one or two pages, and a large area stops at `maxPages` and shows "N+".
 */
export async function summariseRoster(
  listChildren: ApiClient['listChildren'],
  maxPages = 5,
): Promise<RosterSummary> {
  const items: ChildSummary[] = [];
  const regionNames: Record<string, string> = {};
  let cursor: string | null = null;
  for (let page = 0; page < maxPages; page += 1) {
    const answer = await listChildren({ cursor });
    items.push(...answer.items);
    Object.assign(regionNames, answer.regionNames);
    cursor = answer.nextCursor;
    if (!cursor) return { count: items.length, complete: true, items, regionNames };
  }
  return { count: items.length, complete: false, items, regionNames };
}

/** 12 名, or 100+ 名 when counting stopped early. */
export function formatHeadcount(summary: Pick<RosterSummary, 'count' | 'complete'>): string {
  return `${summary.count}${summary.complete ? '' : '+'} 名`;
}
