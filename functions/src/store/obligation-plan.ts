import { createHash } from 'node:crypto';
import { obligationKeyOf, type LastCompletions } from '../domain/obligation.js';
import { obligationItem, obligationStateItem, type ObligationState } from './obligation-items.js';
import { obligationKey, obligationStateKey } from './keys.js';
import type { ObligationUpdate } from './ports.js';
import type { TransactItems } from './transact.js';

/**
 * The writes that bring a child's obligation items to what the use case computed (ARCHITECTURE.md, "Flow of one
 * visit", step 1): which items to put, which stale keys to delete, and the state item with its version guard and
 * fingerprint. The caller puts them in the same transaction as the change that moves them, which is what keeps
 * the index current. Storage mechanics only: the rules ran in the use case.
 */
export interface ObligationPlan {
  /** Whether the items or the completions differ from what is stored. */
  changed: boolean;
  state: ObligationState;
  /** The state guard (a Put when changed, else a ConditionCheck) first, then the item writes. */
  writes: TransactItems;
}

export function planObligationWrites(tableName: string, update: ObligationUpdate): ObligationPlan {
  const { childId, previous, entries } = update;
  const lastCompletions = compactCompletions(update.lastCompletions);
  const keys = entries.map((entry) => obligationKeyOf(entry.obligation));
  const fingerprint = createHash('sha256').update(JSON.stringify(entries)).digest('hex');
  const itemsChanged = fingerprint !== previous?.fingerprint;
  const changed = itemsChanged || !sameCompletions(lastCompletions, previous?.lastCompletions ?? {}) || previous === null;
  const state: ObligationState = {
    childId,
    lastCompletions,
    keys,
    fingerprint,
    policyVersion: update.policyVersion,
    version: changed ? (previous?.version ?? 0) + 1 : previous!.version,
  };
  const guard = stateGuard(previous);
  if (!changed) {
    return { changed, state, writes: [{ ConditionCheck: { TableName: tableName, Key: obligationStateKey(childId), ...guard } }] };
  }
  const stale = (previous?.keys ?? []).filter((key) => !keys.includes(key));
  return {
    changed,
    state,
    writes: [
      { Put: { TableName: tableName, Item: obligationStateItem(state), ...guard } },
      ...(itemsChanged ? entries.map((entry) => ({ Put: { TableName: tableName, Item: obligationItem(entry) } })) : []),
      ...(itemsChanged ? stale.map((key) => ({ Delete: { TableName: tableName, Key: obligationKey(childId, key) } })) : []),
    ],
  };
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
