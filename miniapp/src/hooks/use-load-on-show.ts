import { useDidShow } from '@tarojs/taro';
import { useCallback, useEffect, useRef, useState } from 'react';
import { asApiError, NETWORK_FAILURE_STATUS, type ApiError } from '../api';
import { networkStatus } from '../services/network';
import { snapshots } from '../services/offline-data';
import { currentSession } from '../services/session';

/** A show this soon after mounting is the one the page was opened with. */
const SAME_SHOW_MS = 1_000;

export interface Loaded<T> {
  data: T | null;
  error: ApiError | null;
  /** When `data` is the copy kept on the phone because the network failed: when that copy was loaded; else null. */
  savedAt: string | null;
  reload: () => void;
}

export interface LoadOptions {
  /** Keep each answer on the phone under this name, and show it when the network fails (issue 7, B6). */
  keepAs?: string;
}

/**
 * Loads when the component mounts and again each time its page shows after that (back from a check-in or a
 * confirmation), so lists are never stale after the worker or guardian acts. A section mounted after its page's
 * first show (it waited for the child record) would never hear that show, hence the load on mount; the show that
 * comes with the mount itself is skipped. `load` null: nothing to load for this user. A late answer that a newer
 * one has overtaken is ignored. A list that failed, or shows the phone's copy, loads again when the network is back.
 */
export function useLoadOnShow<T>(load: (() => Promise<T>) | null, options: LoadOptions = {}): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [savedAt, setSavedAt] = useState<string | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  const keepAs = options.keepAs;
  const latest = useRef(0);
  const stale = useRef(false);

  const reload = useCallback(() => {
    const current = loadRef.current;
    if (!current) return;
    const call = ++latest.current;
    const userId = currentSession()?.user.id;
    current().then(
      (value) => {
        if (call !== latest.current) return;
        if (keepAs && userId) snapshots.save(userId, keepAs, value, new Date());
        stale.current = false;
        setData(value);
        setSavedAt(null);
        setError(null);
      },
      (e: unknown) => {
        if (call !== latest.current) return;
        stale.current = true;
        const failure = asApiError(e);
        const kept = keepAs && userId && failure.status === NETWORK_FAILURE_STATUS ? snapshots.load<T>(userId, keepAs) : null;
        if (kept) {
          setData(kept.data);
          setSavedAt(kept.savedAt);
          setError(null);
        } else setError(failure);
      },
    );
  }, [keepAs]);

  const mountedAt = useRef(0);
  useEffect(() => {
    mountedAt.current = Date.now();
    reload();
    const stopListening = networkStatus.onBack(() => {
      if (stale.current) reload();
    });
    return () => {
      stopListening();
    };
  }, [reload]);
  useDidShow(() => {
    if (Date.now() - mountedAt.current > SAME_SHOW_MS) reload();
  });
  return { data, error, savedAt, reload };
}
