import type { PolicyView } from '../api';
import { api } from './api';

/** A district's rules change seldom: asked once per few minutes, not on every page that mentions them. */
const KEEP_MS = 5 * 60_000;

const known = new Map<string, { at: number; policy: Promise<PolicyView> }>();

/** The district's policy as the API answers it (`chosen` false: the national rules apply). */
export function districtPolicy(districtId: string): Promise<PolicyView> {
  const kept = known.get(districtId);
  if (kept && Date.now() - kept.at < KEEP_MS) return kept.policy;
  const policy = api.districtPolicy(districtId);
  known.set(districtId, { at: Date.now(), policy });
  // A failed answer is not kept: the next page asks again.
  policy.catch(() => known.delete(districtId));
  return policy;
}

/** After the officer saves: every page asks again. */
export function forgetDistrictPolicy(districtId: string): void {
  known.delete(districtId);
}
