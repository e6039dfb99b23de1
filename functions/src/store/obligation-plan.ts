import { createHash } from 'node:crypto';
import type { Child } from '../domain/child.js';
import { obligationKeyOf, type Performer } from '../domain/obligation.js';
import { computeObligations, type LastCompletions } from '../domain/policy-engine.js';
import { obligationItem, obligationStateItem, type ObligationState } from './obligation-items.js';
import { obligationKey, obligationStateKey } from './keys.js';
import type { DueEntry, EffectivePolicy } from './ports.js';
import type { TransactItems } from './transact.js';

/**
 * The writes that bring a child's obligation items up to date (ARCHITECTURE.md, "Flow of one visit", step 1): the
 * district's rules applied to the child as it will be stored and to its last completions. The caller puts them in
 * the same transaction as the change that moves them, which is what keeps the index current.
 */
export interface ObligationPlan {
  /** Whether the items or the completions differ from what is stored. */
  changed: boolean;
  state: ObligationState;
  entries: DueEntry[];
  /** The state guard (a Put when changed, else a ConditionCheck) first, then the item writes. */
  writes: TransactItems;
}

export interface PlanInput {
  child: Child;
  previous: ObligationState | null;
  policy: EffectivePolicy;
  /** Beijing date the obligations are computed on (follow-ups run only while their period does). */
  today: string;
  /** Defaults to the stored ones; a check-in passes them with its completions added. */
  lastCompletions?: LastCompletions;
}

/** R1: the team member who carries out each kind of duty; a child without a team has nobody yet. */
export function assigneeOf(child: Pick<Child, 'team'>, performer: Performer): string | null {
  if (child.team === null) return null;
  return performer === 'socialWorker' ? child.team.socialWorkerId : child.team.directorId;
}

export function planObligations(tableName: string, input: PlanInput): ObligationPlan {
  const { child, previous, policy, today } = input;
  const lastCompletions = compactCompletions(input.lastCompletions ?? previous?.lastCompletions ?? {});
  const entries: DueEntry[] = computeObligations(child, policy.ruleIds, lastCompletions, today).map((obligation) => ({
    obligation,
    childName: child.name,
    region: child.region,
    assigneeId: assigneeOf(child, obligation.performer),
  }));
  const keys = entries.map((entry) => obligationKeyOf(entry.obligation));
  const fingerprint = createHash('sha256').update(JSON.stringify(entries)).digest('hex');
  const itemsChanged = fingerprint !== previous?.fingerprint;
  const changed = itemsChanged || !sameCompletions(lastCompletions, previous?.lastCompletions ?? {}) || previous === null;
  const state: ObligationState = {
    childId: child.id,
    lastCompletions,
    keys,
    fingerprint,
    policyVersion: policy.version,
    version: changed ? (previous?.version ?? 0) + 1 : previous!.version,
  };
  const guard = stateGuard(previous);
  if (!changed) {
    return {
      changed,
      state,
      entries,
      writes: [{ ConditionCheck: { TableName: tableName, Key: obligationStateKey(child.id), ...guard } }],
    };
  }
  const stale = (previous?.keys ?? []).filter((key) => !keys.includes(key));
  return {
    changed,
    state,
    entries,
    writes: [
      { Put: { TableName: tableName, Item: obligationStateItem(state), ...guard } },
      ...(itemsChanged ? entries.map((entry) => ({ Put: { TableName: tableName, Item: obligationItem(entry) } })) : []),
      ...(itemsChanged ? stale.map((key) => ({ Delete: { TableName: tableName, Key: obligationKey(child.id, key) } })) : []),
    ],
  };
}

/** Later completions win: a visit recorded late (offline) never moves a completion back. */
export function withCompletions(previous: LastCompletions, keys: readonly string[], on: string): LastCompletions {
  const next: LastCompletions = { ...previous };
  for (const key of keys) {
    const known = next[key];
    if (known === undefined || known < on) next[key] = on;
  }
  return next;
}

function stateGuard(previous: ObligationState | null) {
  return previous === null
    ? { ConditionExpression: 'attribute_not_exists(pk)' }
    : {
        ConditionExpression: '#version = :stateVersion',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':stateVersion': previous.version },
      };
}

function compactCompletions(completions: LastCompletions): Record<string, string> {
  return Object.fromEntries(Object.entries(completions).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

function sameCompletions(a: LastCompletions, b: LastCompletions): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((key) => a[key] === b[key]);
}
