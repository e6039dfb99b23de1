import { z } from 'zod';
import { obligationKeyOf, obligationSchema } from '../domain/obligation.js';
import { idSchema, regionPathSchema } from '../domain/region.js';
import {
  dueSortKey,
  dueTownPartition,
  dueUserPartition,
  obligationKey,
  obligationStateKey,
  stripKeys,
} from './keys.js';
import type { DueEntry } from './ports.js';

/**
 * An obligation as the index holds it: the obligation, the team member whose duty it is, and the child's name and
 * place, so that a due list is one query with nothing else to read. Kept in the child's partition and rewritten in
 * the transaction of every change that moves it.
 */
const dueEntrySchema = z
  .object({
    obligation: obligationSchema,
    childName: z.string(),
    region: regionPathSchema,
    assigneeId: idSchema.nullable(),
  })
  .strict();

export function obligationItem(entry: DueEntry): Record<string, unknown> {
  const key = obligationKeyOf(entry.obligation);
  const { childId, dueDate } = entry.obligation;
  const sortKey = dueSortKey(dueDate, childId, key);
  return {
    ...obligationKey(childId, key),
    gsi1pk: dueTownPartition(entry.region.townId),
    gsi1sk: sortKey,
    // Unassigned (no team yet): absent from every worker's list, still in the town's (sparse index).
    ...(entry.assigneeId === null ? {} : { gsi2pk: dueUserPartition(entry.assigneeId), gsi2sk: sortKey }),
    entity: 'obligation',
    ...dueEntrySchema.parse(entry),
  };
}

export function dueEntryFromItem(item: Record<string, unknown>): DueEntry {
  return dueEntrySchema.parse(stripKeys(item));
}

/**
 * What the obligations of a child were last computed from, and the guard of every write to them: each write names
 * the version it read, so two writers never interleave (a check-in and a risk change, a policy change and a team
 * change). Last completions are kept here rather than on the obligation items so that an obligation that lapses
 * (a follow-up period ends, a rule leaves the policy) comes back with its history.
 */
export const obligationStateSchema = z
  .object({
    childId: idSchema,
    lastCompletions: z.record(z.string(), z.iso.date()),
    keys: z.array(z.string()),
    /** Hash of the obligation items last written: an unchanged recomputation writes nothing. */
    fingerprint: z.string(),
    policyVersion: z.number().int().nonnegative(),
    version: z.number().int().positive(),
  })
  .strict();
export type ObligationState = z.infer<typeof obligationStateSchema>;

export function obligationStateItem(state: ObligationState): Record<string, unknown> {
  return { ...obligationStateKey(state.childId), entity: 'obligationState', ...obligationStateSchema.parse(state) };
}

export function obligationStateFromItem(item: Record<string, unknown> | undefined): ObligationState | null {
  return item ? obligationStateSchema.parse(stripKeys(item)) : null;
}
