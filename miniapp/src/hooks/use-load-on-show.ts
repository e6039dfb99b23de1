import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, type ApiError } from '../api';

/** A show this soon after mounting is the one the page was opened with. */
const SAME_SHOW_MS = 1_000;

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  reload: () => void;
}

/**
 * Loads when the component mounts and again each time its page shows after that (back from a check-in or a
 * confirmation), so lists are never stale after the worker or guardian acts. A section mounted after its page's
 * first show (it waited for the child record) would never hear that show, hence the load on mount; the show that
 * comes with the mount itself is skipped. `load` null: nothing to load for this user. A late answer that a newer
 * one has overtaken is ignored.
 */
export function useLoadOnShow<T>(load: (() => Promise<T>) | null): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const latest = useRef(0);

  const reload = useCallback(() => {
    const current = loadRef.current;
    if (!current) return;
    const call = ++latest.current;
    current().then(
      (value) => {
        if (call !== latest.current) return;
        setData(value);
        setError(null);
      },
      (e: unknown) => {
        if (call === latest.current) setError(asApiError(e));
      },
    );
  }, []);

  const mountedAt = useRef(0);
  useEffect(() => {
    mountedAt.current = Date.now();
    reload();
  }, [reload]);
  useDidShow(() => {
    if (Date.now() - mountedAt.current > SAME_SHOW_MS) reload();
  });
  return { data, error, reload };
}
