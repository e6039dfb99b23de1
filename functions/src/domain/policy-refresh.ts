import { z } from 'zod';
import { idSchema } from './region.js';

const instantSchema = z.iso.datetime({ offset: true });
const count = z.number().int().nonnegative();

/**
 * The recomputation of a district's children under a new policy (issue 9, part 2): one record per district, for the
 * policy version being applied, written with the policy in its transaction and advanced page by page by the job.
 * Until a child's turn comes, its obligations are those of the policy before.
 */
export const policyRefreshSchema = z
  .object({
    districtId: idSchema,
    policyVersion: z.number().int().positive(),
    status: z.enum(['running', 'done']),
    /** Children walked so far. */
    done: count,
    /** The district's children when the policy was saved; at the end, those walked (children come and go meanwhile). */
    total: count,
    /** Where the next page of the district's children starts (the list's opaque cursor); null at the start and the end. */
    cursor: z.string().nullable(),
    /** Pages saved: each save is conditional on it, so two runs of one version never both advance the same page. */
    step: count,
    startedAt: instantSchema,
    updatedAt: instantSchema,
    finishedAt: instantSchema.nullable(),
  })
  .strict();
export type PolicyRefresh = z.infer<typeof policyRefreshSchema>;

export function startedRefresh(districtId: string, policyVersion: number, total: number, now: Date): PolicyRefresh {
  const at = now.toISOString();
  return { districtId, policyVersion, status: 'running', done: 0, total, cursor: null, step: 0, startedAt: at, updatedAt: at, finishedAt: null };
}

/** The record after one more page of `walked` children; the last page (no next cursor) finishes it. */
export function advancedRefresh(refresh: PolicyRefresh, walked: number, nextCursor: string | null, now: Date): PolicyRefresh {
  const at = now.toISOString();
  const done = refresh.done + walked;
  const finished = nextCursor === null;
  return {
    ...refresh,
    done,
    total: finished ? done : Math.max(refresh.total, done),
    cursor: nextCursor,
    step: refresh.step + 1,
    status: finished ? 'done' : 'running',
    updatedAt: at,
    finishedAt: finished ? at : null,
  };
}
