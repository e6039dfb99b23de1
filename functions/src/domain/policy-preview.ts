import { obligationKeyOf, type LastCompletions, type Obligation, type VisitRuleId } from './obligation.js';
import { computeObligations, type PolicySubject } from './policy-engine.js';

/**
 * What choosing other rules would do to a district's children, before anyone saves it (issue 7, B8): for each child
 * the obligations under the rules in force and under the proposed ones, from the same last completions on the same
 * day, compared by what is to be done and by whom (`obligationKeyOf`, the key the store writes by).
 */
export interface ObligationChanges {
  /** Obligations the proposed rules demand that the current ones do not. */
  added: number;
  /** Obligations the current rules demand that the proposed ones drop. */
  removed: number;
  /** Obligations both demand, falling due on another day (a stricter or a laxer rule now wins). */
  dueDateMoved: number;
}

export interface PolicyEffect {
  /** Children of the district looked at (closed ones included: they are due nothing either way). */
  childrenTotal: number;
  /** Children with at least one obligation added, removed or moved. */
  childrenAffected: number;
  obligations: ObligationChanges;
}

export const noPolicyEffect: PolicyEffect = { childrenTotal: 0, childrenAffected: 0, obligations: { added: 0, removed: 0, dueDateMoved: 0 } };

export function obligationChangesOf(before: readonly Obligation[], after: readonly Obligation[]): ObligationChanges {
  const dueBefore = new Map(before.map((obligation) => [obligationKeyOf(obligation), obligation.dueDate]));
  const keysAfter = new Set(after.map(obligationKeyOf));
  let added = 0;
  let dueDateMoved = 0;
  for (const obligation of after) {
    const due = dueBefore.get(obligationKeyOf(obligation));
    if (due === undefined) added += 1;
    else if (due !== obligation.dueDate) dueDateMoved += 1;
  }
  const removed = [...dueBefore.keys()].filter((key) => !keysAfter.has(key)).length;
  return { added, removed, dueDateMoved };
}

/** One child's share of the effect: `today` is a Beijing date, the same for every child of one preview. */
export function policyChangeOn(
  child: PolicySubject,
  current: readonly VisitRuleId[],
  proposed: readonly VisitRuleId[],
  lastCompletions: LastCompletions,
  today: string,
): ObligationChanges {
  return obligationChangesOf(computeObligations(child, current, lastCompletions, today), computeObligations(child, proposed, lastCompletions, today));
}

export function withChildEffect(total: PolicyEffect, changes: ObligationChanges): PolicyEffect {
  const affected = changes.added + changes.removed + changes.dueDateMoved > 0;
  return {
    childrenTotal: total.childrenTotal + 1,
    childrenAffected: total.childrenAffected + (affected ? 1 : 0),
    obligations: {
      added: total.obligations.added + changes.added,
      removed: total.obligations.removed + changes.removed,
      dueDateMoved: total.obligations.dueDateMoved + changes.dueDateMoved,
    },
  };
}
