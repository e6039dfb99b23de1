import type { ChildDetail, DueItem, Role } from '../api/types';
import type { R3Context } from './r3-warning';

/**
 * What the phone keeps about each of the worker's children so a check-in can start without signal (issue 7, B6):
 * name, village, team, and what is due; nothing more (no ID number, address or phone), since it stays on the phone.
 */
export interface ChildBasics {
  id: string;
  name: string;
  /** '' when not known. */
  villageName: string;
  /** undefined until the child has been opened on this phone; null: the child has no team yet. */
  team?: ChildDetail['team'];
  status?: ChildDetail['status'];
  /** Whether the child's district judges R3; null when not known. */
  r3Applies: boolean | null;
  /** What is due for this worker, most urgent first, as the due list said. */
  due: DueBrief[];
  updatedAt: string;
}

export type DueBrief = Pick<DueItem, 'kind' | 'dueDate' | 'ruleId' | 'reason' | 'overdueDays'>;
export type ChildBasicsMap = Record<string, ChildBasics>;

type RuleFacts = Pick<DueItem, 'ruleId' | 'alsoRequiredBy'>;

const demandsR3 = (item: RuleFacts) => item.ruleId === 'R3' || item.alsoRequiredBy.includes('R3');

/**
 * R3 binds every child of a district whose policy includes it, so a child's complete list of obligations has an R3
 * one exactly when the district judges R3. Some other list (the worker's due list, which leaves out what is not due
 * soon) can only say yes.
 */
export function r3AppliesFrom(obligations: readonly RuleFacts[], complete: boolean): boolean | null {
  if (obligations.some(demandsR3)) return true;
  return complete ? false : null;
}

/** A worker opens a few dozen children; past this the least recently seen are dropped. */
export const MAX_KEPT_CHILDREN = 200;

function blank(id: string, now: Date): ChildBasics {
  return { id, name: '', villageName: '', r3Applies: null, due: [], updatedAt: now.toISOString() };
}

function capped(map: ChildBasicsMap): ChildBasicsMap {
  const entries = Object.values(map);
  if (entries.length <= MAX_KEPT_CHILDREN) return map;
  const kept = entries.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)).slice(0, MAX_KEPT_CHILDREN);
  return Object.fromEntries(kept.map((basics) => [basics.id, basics]));
}

/** The worker's due list replaces every child's `due` (a child no longer in it has nothing due). */
export function mergeDueList(map: ChildBasicsMap, items: readonly DueItem[], now: Date): ChildBasicsMap {
  const next: ChildBasicsMap = {};
  for (const [id, basics] of Object.entries(map)) next[id] = { ...basics, due: [] };
  for (const item of items) {
    const current = next[item.childId] ?? blank(item.childId, now);
    const due = [...current.due, { kind: item.kind, dueDate: item.dueDate, ruleId: item.ruleId, reason: item.reason, overdueDays: item.overdueDays }];
    next[item.childId] = {
      ...current,
      name: item.childName,
      villageName: item.villageName || current.villageName,
      r3Applies: current.r3Applies ?? r3AppliesFrom([item], false),
      due,
      updatedAt: now.toISOString(),
    };
  }
  return capped(next);
}

export function mergeChildDetail(map: ChildBasicsMap, child: ChildDetail, villageName: string, now: Date): ChildBasicsMap {
  const current = map[child.id] ?? blank(child.id, now);
  return capped({
    ...map,
    [child.id]: {
      ...current,
      name: child.name,
      villageName: villageName || current.villageName,
      team: child.team,
      status: child.status,
      updatedAt: now.toISOString(),
    },
  });
}

/** A child's complete list of obligations settles whether R3 is judged for it. */
export function mergeChildObligations(
  map: ChildBasicsMap,
  childId: string,
  obligations: readonly RuleFacts[],
  now: Date,
): ChildBasicsMap {
  const current = map[childId] ?? blank(childId, now);
  return capped({ ...map, [childId]: { ...current, r3Applies: r3AppliesFrom(obligations, true), updatedAt: now.toISOString() } });
}

/**
 * What the R3 warning needs. A social worker may only check in for the children of their own team, so for them the
 * assigned social worker is known even for a child never opened on this phone.
 */
export function r3ContextOf(basics: ChildBasics | undefined, user: { id: string; role: Role }): R3Context {
  const fromTeam = basics?.team === undefined ? undefined : (basics.team?.socialWorkerId ?? null);
  return {
    r3Applies: basics?.r3Applies ?? null,
    assignedSocialWorkerId: fromTeam !== undefined ? fromTeam : user.role === 'socialWorker' ? user.id : undefined,
    recordedBy: user.role === 'director' ? 'director' : 'socialWorker',
  };
}
