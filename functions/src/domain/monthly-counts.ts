import type { Child } from './child.js';
import type { Concern } from './concern.js';
import type { Escalation } from './escalation.js';
import { emptyFigures, type Month, type MonthlyFigure, type MonthlyFigures } from './monthly-report.js';
import type { RegionPath } from './region.js';
import { shanghaiDate } from './time.js';
import { isWithdrawn, type Visit } from './visit.js';

/**
 * The counters behind the monthly report (R4, issue 9 part 5), kept per village in the transaction of the record that
 * moves them (ARCHITECTURE.md, "Flow of one visit", step 5), so that a roll-up reads a handful of items per village.
 * Each record says what it contributes (the functions below); a change of the record adds its new contribution less
 * its old one, so a correction or a withdrawal moves the figures and nothing is counted twice.
 *
 * Two kinds of counter:
 * - monthly tallies, in the village's item of one Beijing month: things that happened in that month;
 * - standing figures (children on record, by risk, difficult cases open), in the village's one "standing" item, as
 *   they are now. Every change of a standing figure is also logged, as `<figure>Change`, in the month item of the
 *   month it was made in, so that the roll-up can take the figure back to any month's end (monthEndValue).
 */
export const monthlyTallies = [
  /** Visits of every kind made in the month (visit's start, Beijing), not withdrawn. */
  'visits',
  /** Home visits made in the month: visitsDone. */
  'homeVisits',
  /** Contacts made in the month: contacts. */
  'contacts',
  /** Home visits made in the month that R3 judged and found met (R3 judges home visits only): visitsMeetingR3. */
  'r3Met',
  'r3Short',
  /** Home visits made in the month that met a home-visit obligation: none overdue (on time), or one overdue (late). */
  'visitsOnTime',
  'visitsLate',
  /** Home-visit obligations due in the month that a visit (not withdrawn) met, whenever it was made. */
  'dueMet',
  /** Of those, the ones met by a visit made after the due month: still missing at that month's end. */
  'dueMetAfterMonth',
  /** Guardians' answers given in the month (answer's time) to visits not withdrawn. */
  'confirmations',
  'disputes',
  /** Concern reports received in the month, and closed in the month (the closing step's time). */
  'concernsReceived',
  'concernsClosed',
  /** R5: group activities held in the month (the activity's Beijing date) for the region's children (activity-counts.ts). */
  'activitiesHeld',
] as const;
export type MonthlyTally = (typeof monthlyTallies)[number];

export const standingFigures = ['childrenServed', 'riskRed', 'riskYellow', 'riskGreen', 'escalationsOpen'] as const satisfies readonly MonthlyFigure[];
export type StandingFigure = (typeof standingFigures)[number];
export type StandingChange = `${StandingFigure}Change`;

export function changeNameOf(figure: StandingFigure): StandingChange {
  return `${figure}Change`;
}

export type CounterName = MonthlyTally | StandingFigure | StandingChange;
export type Counts = Partial<Record<CounterName, number>>;

/** The standing item's period; a month item's is its YYYY-MM. */
export const STANDING = 'standing';

/** What a record adds to one counter item of its village. */
export interface CounterDelta {
  region: RegionPath;
  period: Month | typeof STANDING;
  counts: Counts;
}

export function beijingMonth(instant: string): Month {
  return shanghaiDate(new Date(instant)).slice(0, 7);
}

const monthOfDate = (date: string): Month => date.slice(0, 7);
const one = (yes: boolean) => (yes ? 1 : 0);

/**
 * How a home visit stands against the home-visit obligations it met at check-in (`obligationsMet`, with their due
 * dates then): late when any of them was already overdue on the visit's day (Beijing), on time when none was, and
 * neither when it met none (an extra visit, or a district whose policy asks for none).
 */
export function timelinessOf(visit: Visit): 'onTime' | 'late' | null {
  const met = homeVisitObligationsMet(visit);
  if (visit.kind !== 'homeVisit' || met.length === 0) return null;
  const day = shanghaiDate(new Date(visit.startedAt));
  return met.some((obligation) => obligation.dueDate < day) ? 'late' : 'onTime';
}

function homeVisitObligationsMet(visit: Visit) {
  return visit.obligationsMet.filter((obligation) => obligation.key.startsWith('homeVisit:'));
}

/** What a visit counts as it is stored now: nothing once withdrawn. */
export function visitCounts(visit: Visit): CounterDelta[] {
  if (isWithdrawn(visit)) return [];
  const { region } = visit;
  const month = beijingMonth(visit.startedAt);
  const home = visit.kind === 'homeVisit';
  const timeliness = timelinessOf(visit);
  const made: CounterDelta = {
    region,
    period: month,
    counts: {
      visits: 1,
      homeVisits: one(home),
      contacts: one(visit.kind === 'contact'),
      r3Met: one(visit.r3.applies && visit.r3.met),
      r3Short: one(visit.r3.applies && !visit.r3.met),
      visitsOnTime: one(timeliness === 'onTime'),
      visitsLate: one(timeliness === 'late'),
    },
  };
  const due = (home ? homeVisitObligationsMet(visit) : []).map(({ dueDate }): CounterDelta => ({
    region,
    period: monthOfDate(dueDate),
    counts: { dueMet: 1, dueMetAfterMonth: one(month > monthOfDate(dueDate)) },
  }));
  const { state, at } = visit.confirmation;
  const answer: CounterDelta[] =
    state === 'pending' || at === null
      ? []
      : [{ region, period: beijingMonth(at), counts: { confirmations: one(state === 'confirmed'), disputes: one(state === 'disputed') } }];
  return [made, ...due, ...answer];
}

/** What a concern report counts: received in the month it came in; closed in the month of its closing step. */
export function concernCounts(concern: Concern): CounterDelta[] {
  return [{ region: concern.path, period: beijingMonth(concern.createdAt), counts: { concernsReceived: 1 } }, ...concernClosing(concern)];
}

/**
 * What the update that wrote `concern` counts: only a closing moves a counter. Closed is final (concern-lifecycle.ts:
 * no step leaves it, and a deadline acts only on a report still received), so the update that closed it is the one
 * whose last step closes it, and no later update exists to count it again.
 */
export function concernClosing(concern: Concern): CounterDelta[] {
  const last = concern.trail.at(-1);
  if (concern.status !== 'closed' || last?.to !== 'closed') return [];
  return [{ region: concern.path, period: beijingMonth(last.at), counts: { concernsClosed: 1 } }];
}

/** A child on record (not closed) counts in its village, once in all and once under its risk level. */
export function childStanding(child: Child): CounterDelta[] {
  if (child.status === 'closed') return [];
  const risk = ({ red: 'riskRed', yellow: 'riskYellow', green: 'riskGreen' } as const)[child.riskLevel];
  return [{ region: child.region, period: STANDING, counts: { childrenServed: 1, [risk]: 1 } }];
}

/** A difficult case counts as open in the village where it was raised until it is resolved. */
export function escalationStanding(escalation: Escalation): CounterDelta[] {
  return escalation.status === 'resolved' ? [] : [{ region: escalation.path, period: STANDING, counts: { escalationsOpen: 1 } }];
}

/**
 * What the update that wrote `escalation` changes: only its resolution, which is final (escalation-lifecycle.ts:
 * no step leaves it, and a deadline acts only on a case still raised), so it is the update whose last step resolves it.
 */
export function escalationResolution(escalation: Escalation): CounterDelta[] {
  const last = escalation.trail.at(-1);
  if (escalation.status !== 'resolved' || last?.action !== 'resolved') return [];
  return countsChange([{ region: escalation.path, period: STANDING, counts: { escalationsOpen: 1 } }], [], last.at);
}

const deltaKey = (delta: Pick<CounterDelta, 'region' | 'period'>) => `${delta.region.villageId}\n${delta.period}`;

/**
 * What a change of records does to the counters: `after` less `before`, one delta per item (a transaction may not
 * update one item twice), none that moves nothing. A change of a standing figure is also logged in the month item
 * of `at`, the change's time.
 */
export function countsChange(before: readonly CounterDelta[], after: readonly CounterDelta[], at: string): CounterDelta[] {
  const merged = new Map<string, CounterDelta>();
  const add = (delta: CounterDelta, sign: 1 | -1) => {
    const key = deltaKey(delta);
    const into = merged.get(key) ?? { region: delta.region, period: delta.period, counts: {} };
    for (const [name, value] of Object.entries(delta.counts) as [CounterName, number][]) into.counts[name] = (into.counts[name] ?? 0) + sign * value;
    merged.set(key, into);
  };
  for (const delta of before) add(delta, -1);
  for (const delta of after) add(delta, 1);
  const month = beijingMonth(at);
  for (const delta of [...merged.values()].filter((candidate) => candidate.period === STANDING)) {
    const logged = Object.fromEntries(Object.entries(delta.counts).map(([name, value]) => [changeNameOf(name as StandingFigure), value]));
    add({ region: delta.region, period: month, counts: logged }, 1);
  }
  return [...merged.values()]
    .map((delta) => ({ ...delta, counts: Object.fromEntries(Object.entries(delta.counts).filter(([, value]) => value !== 0)) }))
    .filter((delta) => Object.keys(delta.counts).length > 0);
}

/** One village's counter items as the roll-up reads them for a month. */
export interface VillageCounters {
  /** The month's item (empty when nothing happened). */
  month: Counts;
  /** The standing item as it is when the roll-up reads it. */
  standing: Counts;
  /** The month items of every month after the reported one, up to the roll-up's own. */
  later: readonly Counts[];
  /** Home-visit obligations due in the month and still open when the roll-up read them (the town's due index). */
  openDue: number;
}

/**
 * A standing figure at the month's end: as it is now, less every change made since. The roll-up on the 1st at 02:00
 * takes back the two hours' changes of the new month; a late one (rerun mid-month, or for an older month) takes back
 * more months' changes and still gives the month's end, not the day it ran.
 */
function monthEndValue(figure: StandingFigure, counters: VillageCounters): number {
  const since = counters.later.reduce((sum, counts) => sum + (counts[changeNameOf(figure)] ?? 0), 0);
  return (counters.standing[figure] ?? 0) - since;
}

/**
 * A village's figures (MonthlyFigures' definitions) from its counters. Due home visits: those met (counted by their
 * due month when met) and those still open with a due date in the month. Missing at the month's end: the still-open
 * ones and the ones met only after that month, so a late roll-up gives the same figure as a timely one.
 */
export function villageFigures(counters: VillageCounters): MonthlyFigures {
  const count = (name: CounterName) => counters.month[name] ?? 0;
  const figures = emptyFigures();
  for (const figure of standingFigures) figures[figure] = Math.max(0, monthEndValue(figure, counters));
  return {
    ...figures,
    visitsDue: count('dueMet') + counters.openDue,
    visitsDone: count('homeVisits'),
    visitsOnTime: count('visitsOnTime'),
    visitsLate: count('visitsLate'),
    visitsMissing: count('dueMetAfterMonth') + counters.openDue,
    visitsMeetingR3: count('r3Met'),
    confirmations: count('confirmations'),
    disputes: count('disputes'),
    contacts: count('contacts'),
    concernsReceived: count('concernsReceived'),
    concernsClosed: count('concernsClosed'),
    activitiesHeld: count('activitiesHeld'),
  };
}
