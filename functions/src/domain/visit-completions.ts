import type { Child } from './child.js';
import { obligationKeyOf, type LastCompletions, type Obligation } from './obligation.js';
import { obligationKeysCompletedBy } from './policy-engine.js';
import { shanghaiDate } from './time.js';
import { isWithdrawn, type ObligationMet, type Visit } from './visit.js';

/**
 * The child's team when a visit was recorded (R1): the team history's last change at or before that instant. A
 * child whose history is empty (imported with its team) has had its current team all along; one whose history only
 * starts later had none yet.
 */
export function teamAt(child: Pick<Child, 'team' | 'teamHistory'>, instant: string): Child['team'] {
  if (child.teamHistory.length === 0) return child.team;
  const at = Date.parse(instant);
  const before = child.teamHistory.filter((change) => Date.parse(change.at) <= at);
  return before.length === 0 ? null : before.reduce((a, b) => (Date.parse(b.at) >= Date.parse(a.at) ? b : a)).team;
}

/** The obligation keys a visit completes as stored now: none once withdrawn. */
export function completionsOf(visit: Visit, child: Pick<Child, 'team' | 'teamHistory'>): string[] {
  return isWithdrawn(visit) ? [] : obligationKeysCompletedBy(visit, teamAt(child, visit.recordedAt));
}

/**
 * Issue 7, B3: after a visit is corrected or withdrawn, the child's last completions of the keys it touched (before
 * or after) are worked out again from the child's visits as they now stand: the latest day any remaining visit
 * completed each. Keys the change did not touch keep their stored date. `visits` is every visit of the child, the
 * changed one as it now is.
 */
export function recomputeCompletions(
  previous: LastCompletions,
  child: Pick<Child, 'team' | 'teamHistory'>,
  visits: readonly Visit[],
  touched: readonly string[],
): LastCompletions {
  const next: LastCompletions = { ...previous };
  for (const key of touched) delete next[key];
  for (const visit of visits) {
    const day = shanghaiDate(new Date(visit.startedAt));
    for (const key of completionsOf(visit, child)) {
      if (!touched.includes(key)) continue;
      const known = next[key];
      if (known === undefined || known < day) next[key] = day;
    }
  }
  return next;
}

/**
 * The obligations a visit made on `day` meets, each with the due date it had before the visit (`due`: the child's
 * obligations as they stood, from `lastCompletions`). A key already completed on that day or later (a visit recorded
 * late, offline, after a newer one) is not met again: the visit does not move it.
 */
export function obligationsMetBy(
  completed: readonly string[],
  due: readonly Obligation[],
  lastCompletions: LastCompletions,
  day: string,
): ObligationMet[] {
  return due
    .map((obligation) => ({ key: obligationKeyOf(obligation), dueDate: obligation.dueDate }))
    .filter(({ key }) => completed.includes(key) && !((lastCompletions[key] ?? '') >= day));
}

/** After a correction, the obligations the visit is still counted against: those it still completes. */
export function stillMet(visit: Visit, child: Pick<Child, 'team' | 'teamHistory'>): Visit {
  const keys = completionsOf(visit, child);
  return { ...visit, obligationsMet: visit.obligationsMet.filter((met) => keys.includes(met.key)) };
}
