import type { ChildListFilter, ChildListPage, FilterVillage } from '../api/types';
import { childCategoryNames, labelOf, riskLevelNames } from './labels';

type RiskLevel = NonNullable<ChildListFilter['riskLevel']>;
type Category = NonNullable<ChildListFilter['category']>;

/** What the list page is searched and filtered by (issue 7, B8); what the user typed is kept as typed. */
export interface ChildSearch {
  text: string;
  villageId: string | null;
  riskLevel: RiskLevel | null;
  category: Category | null;
}

export const noSearch: ChildSearch = { text: '', villageId: null, riskLevel: null, category: null };

/** The server's limit on a name search (CHILD_NAME_QUERY_MAX). */
export const SEARCH_TEXT_MAX = 20;

/** The query the API takes: blank text is no search (the server would refuse it), surrounding spaces go. */
export function filterOf(search: ChildSearch): ChildListFilter {
  const q = search.text.trim();
  return {
    ...(q ? { q } : {}),
    ...(search.villageId ? { villageId: search.villageId } : {}),
    ...(search.riskLevel ? { riskLevel: search.riskLevel } : {}),
    ...(search.category ? { category: search.category } : {}),
  };
}

export function isSearching(search: ChildSearch): boolean {
  return Object.keys(filterOf(search)).length > 0;
}

/** How many of the panel's filters are on (the name search is shown in its own box). */
export function chosenFilterCount(search: ChildSearch): number {
  return [search.villageId, search.riskLevel, search.category].filter((value) => value !== null).length;
}

/** How many children a filter finds: 'counting' while asked; null when nothing is filtered or it could not be counted. */
export type FoundCount = number | 'counting' | null;

export interface ActiveFilter {
  key: 'villageId' | 'riskLevel' | 'category';
  label: string;
}

/** The chosen filters in words, for the line above the list (a village by its name, never its id). */
export function activeFiltersOf(search: ChildSearch, villages: readonly FilterVillage[]): ActiveFilter[] {
  const active: ActiveFilter[] = [];
  if (search.villageId) {
    active.push({ key: 'villageId', label: villages.find((v) => v.id === search.villageId)?.name ?? '所选村（居）' });
  }
  if (search.riskLevel) active.push({ key: 'riskLevel', label: `${labelOf(riskLevelNames, search.riskLevel)}风险` });
  if (search.category) active.push({ key: 'category', label: labelOf(childCategoryNames, search.category) });
  return active;
}

/** Villages grouped by town, in the order given, for chips with the town's name above its villages. */
export function villagesByTown(villages: readonly FilterVillage[]): { townId: string; townName: string; villages: FilterVillage[] }[] {
  const towns: { townId: string; townName: string; villages: FilterVillage[] }[] = [];
  for (const village of villages) {
    const town = towns.find((t) => t.townId === village.townId);
    if (town) town.villages.push(village);
    else towns.push({ townId: village.townId, townName: village.townName, villages: [village] });
  }
  return towns;
}

/**
 * One page for the screen under a filter: the server may answer a filtered page short and still have more (its
 * reading stopped at a budget), so pages are asked for until `want` children came, the list ended, or `maxRequests`
 * were sent; then the cursor says where to go on.
 */
export async function fillPage(
  fetchPage: (cursor: string | null) => Promise<ChildListPage>,
  cursor: string | null,
  want: number,
  maxRequests = 5,
): Promise<ChildListPage> {
  const filled: ChildListPage = { items: [], regionNames: {}, nextCursor: cursor };
  for (let sent = 0; sent < maxRequests; sent += 1) {
    const page = await fetchPage(filled.nextCursor);
    filled.items.push(...page.items);
    Object.assign(filled.regionNames, page.regionNames);
    filled.nextCursor = page.nextCursor;
    if (filled.items.length >= want || filled.nextCursor === null) break;
  }
  return filled;
}
