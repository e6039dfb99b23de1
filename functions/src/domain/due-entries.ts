import type { Child } from './child.js';
import type { LastCompletions, Obligation, Performer, VisitRuleId } from './obligation.js';
import { computeObligations } from './policy-engine.js';
import type { RegionPath } from './region.js';

/**
 * A child's obligations as the due lists hold them (ARCHITECTURE.md, "Flow of one visit", step 1): each with whose
 * duty it is and the child's name and place, so that a worker's or a town's list is one query with nothing else to
 * read. Computed by the use case that moves them and handed to the store with the change.
 */
export interface DueEntry {
  obligation: Obligation;
  childName: string;
  region: RegionPath;
  /** The team member whose duty it is; null while the child has no team. */
  assigneeId: string | null;
}

/** R1: the team member who carries out each kind of duty; a child without a team has nobody yet. */
export function assigneeOf(child: Pick<Child, 'team'>, performer: Performer): string | null {
  if (child.team === null) return null;
  return performer === 'socialWorker' ? child.team.socialWorkerId : child.team.directorId;
}

/** The district's rules applied to the child as it will be stored, on `today` (Beijing). */
export function dueEntriesOf(
  child: Child,
  ruleIds: readonly VisitRuleId[],
  lastCompletions: LastCompletions,
  today: string,
): DueEntry[] {
  return computeObligations(child, ruleIds, lastCompletions, today).map((obligation) => ({
    obligation,
    childName: child.name,
    region: child.region,
    assigneeId: assigneeOf(child, obligation.performer),
  }));
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

/** R19 follow-ups end with their period: an entry whose period is over on `today` is due no more, even before anything recomputed the child's obligations. */
export function isRunningOn(entry: Pick<DueEntry, 'obligation'>, today: string): boolean {
  return entry.obligation.endsOn === null || entry.obligation.endsOn >= today;
}
