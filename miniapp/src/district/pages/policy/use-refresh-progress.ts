import { useEffect, useRef, useState } from 'react';
import type { PolicyRefreshView } from '../../../api';
import { api } from '../../../services/api';

/** A few seconds between two looks: the bar moves visibly, and a district of thousands asks a few dozen times. */
export const REFRESH_POLL_MS = 3_000;

/**
 * The recomputation of the district's children as the page last heard of it (from the policy loaded or saved, then
 * by asking again every few seconds while it runs). `watched`: this page saw it running, so its end is worth saying;
 * one that ended before the page opened is not news.
 */
export function useRefreshProgress(districtId: string | null, latest: PolicyRefreshView | null) {
  const [refresh, setRefresh] = useState<PolicyRefreshView | null>(latest);
  const [attempt, setAttempt] = useState(0);
  const watched = useRef(false);

  useEffect(() => setRefresh(latest), [latest]);
  if (refresh?.status === 'running') watched.current = true;

  const running = refresh?.status === 'running';
  useEffect(() => {
    if (!districtId || !running) return;
    let current = true;
    const timer = setTimeout(() => {
      api.districtPolicy(districtId).then(
        (policy) => {
          if (current) setRefresh(policy.refresh);
        },
        // Patchy signal: look again after the same pause.
        () => {
          if (current) setAttempt((n) => n + 1);
        },
      );
    }, REFRESH_POLL_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [districtId, running, refresh, attempt]);

  return { refresh, watched: watched.current };
}
