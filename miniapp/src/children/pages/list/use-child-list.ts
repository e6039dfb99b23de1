import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError, type ChildListFilter } from '../../../api';
import { fillPage, type FoundCount } from '../../../lib/child-search';
import { appendPage, emptyPagedChildren, type PagedChildren } from '../../../lib/paging';
import { api } from '../../../services/api';
import { rememberRegionNames } from '../../../services/region-names';

const PAGE_SIZE = 20;

export interface ChildList {
  list: PagedChildren;
  loading: boolean;
  error: ApiError | null;
  /** How many children the filter finds; 'counting' while asked; null when nothing is filtered or it could not be counted. */
  count: FoundCount;
  /** Next page under the same filter (reach-bottom, 加载更多); nothing when a load is under way or the list ended. */
  loadMore: () => Promise<void>;
  /** From the first page again (pull-down). */
  reload: () => Promise<void>;
}

/**
 * The children list under a filter: a new filter starts over, and whatever an older filter's request answers late is
 * dropped; 加载更多 keeps the filter. `enabled` false: nothing to load yet (no session).
 */
export function useChildList(enabled: boolean, filter: ChildListFilter): ChildList {
  const [list, setList] = useState<PagedChildren>(emptyPagedChildren);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [count, setCount] = useState<FoundCount>(null);
  const listRef = useRef(list);
  const filterRef = useRef(filter);
  filterRef.current = filter;
  // Each start over is a new generation; answers of an older one are not shown.
  const generation = useRef(0);
  const busy = useRef(false);

  const load = useCallback(async (restart: boolean) => {
    if (!restart && (busy.current || !listRef.current.nextCursor)) return;
    const call = restart ? ++generation.current : generation.current;
    busy.current = true;
    setLoading(true);
    setError(null);
    if (restart) {
      listRef.current = emptyPagedChildren;
      setList(listRef.current);
    }
    try {
      const query = filterRef.current;
      const page = await fillPage((cursor) => api.listChildren({ ...query, cursor, limit: PAGE_SIZE }), listRef.current.nextCursor, PAGE_SIZE);
      if (call !== generation.current) return;
      rememberRegionNames(page.regionNames);
      listRef.current = appendPage(listRef.current, page, restart);
      setList(listRef.current);
    } catch (e) {
      if (call === generation.current) setError(asApiError(e));
    } finally {
      if (call === generation.current) {
        busy.current = false;
        setLoading(false);
      }
    }
  }, []);

  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    if (!enabled) return;
    void load(true);
    const call = generation.current;
    if (Object.keys(filterRef.current).length === 0) {
      setCount(null);
      return;
    }
    setCount('counting');
    api.countChildren(filterRef.current).then(
      (found) => {
        if (call === generation.current) setCount(found);
      },
      () => {
        // The list says what it found; a count that failed is left out rather than left 'counting'.
        if (call === generation.current) setCount(null);
      },
    );
  }, [enabled, filterKey, load]);

  return { list, loading, error, count, loadMore: () => load(false), reload: () => load(true) };
}
