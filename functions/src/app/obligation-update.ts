import type { Child } from '../domain/child.js';
import { dueEntriesOf } from '../domain/due-entries.js';
import type { LastCompletions } from '../domain/obligation.js';
import type { EffectivePolicy, ObligationState, ObligationUpdate } from '../store/ports.js';

/**
 * What the child is due under its district's policy on `today`, from its last completions (the stored ones unless
 * the caller adds some), and the state it was computed from, for the store to write the difference under its guard.
 */
export function obligationUpdateOf(
  child: Child,
  policy: EffectivePolicy,
  previous: ObligationState | null,
  today: string,
  lastCompletions: LastCompletions = previous?.lastCompletions ?? {},
): ObligationUpdate {
  return {
    childId: child.id,
    previous,
    entries: dueEntriesOf(child, policy.ruleIds, lastCompletions, today),
    lastCompletions,
    policyVersion: policy.version,
  };
}
