import { addDays } from './calendar.js';
import type { SafetySession } from './safety-session.js';
import type { SafetyTopic } from './safety-topics.js';
import { nextVacation, type Vacation } from './school-vacations.js';

/**
 * R12's tracker (001 §二.5; 002 §六(五); 004 §二(六)): for each village, town and school of an area, what the rule still
 * demands on `today` (a Beijing date):
 * - a village: a session on 防溺水 and one on 防欺凌 this calendar year (sessions for the village itself);
 * - a town: one lecture or themed activity this quarter (a session for the town itself: its villages' and schools'
 *   sessions count for them, not for the town);
 * - a school: one session in the window before the next vacation (school-vacations.ts).
 * Only held sessions meet a requirement; a planned one in the period shows it is in hand.
 */
export type R12Requirement = 'villageDrowning' | 'villageBullying' | 'townQuarter' | 'schoolVacation';

export type R12State = 'done' | 'planned' | 'due';

export interface R12Item {
  requirement: R12Requirement;
  /** The period's words, e.g. 2026年、2026年第4季度、2027年寒假前. */
  period: string;
  /** The first and last day (Beijing) a session counts in. */
  from: string;
  until: string;
  state: R12State;
  /** The held session that met it, or the planned one that will. */
  sessionDate: string | null;
  /** From this day on, an item still due is in the reminder digests. */
  remindFrom: string;
}

export interface R12Row {
  kind: 'village' | 'town' | 'school';
  id: string;
  name: string;
  townId: string;
  items: R12Item[];
}

export interface TrackedTown {
  id: string;
  name: string;
  villages: readonly { id: string; name: string }[];
  schools: readonly { id: string; name: string }[];
}

/**
 * When a still-due item enters the reminders: a village's 防溺水 from 1 May (before the summer, when drowning peaks),
 * its 防欺凌 from 1 November (the year's last two months); a town in the quarter's last three weeks; a school in the last
 * four weeks before the vacation.
 */
export const VILLAGE_DROWNING_REMIND_FROM = '-05-01';
export const VILLAGE_BULLYING_REMIND_FROM = '-11-01';
export const TOWN_REMIND_DAYS_BEFORE_QUARTER_END = 21;
export const SCHOOL_REMIND_DAYS_BEFORE_VACATION = 28;

export interface Quarter {
  year: number;
  number: 1 | 2 | 3 | 4;
  from: string;
  until: string;
}

export function quarterOf(date: string): Quarter {
  const year = Number(date.slice(0, 4));
  const number = (Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1) as Quarter['number'];
  const first = `${year}-${String((number - 1) * 3 + 1).padStart(2, '0')}-01`;
  const nextFirst = number === 4 ? `${year + 1}-01-01` : `${year}-${String(number * 3 + 1).padStart(2, '0')}-01`;
  return { year, number, from: first, until: addDays(nextFirst, -1) };
}

const vacationNames = { winter: '寒假', summer: '暑假' } as const;

function vacationYearOf(vacation: Vacation): number {
  return Number(vacation.start.slice(0, 4));
}

/** The days whose sessions the tracker of `today` needs: the calendar year and the next vacation's window. */
export function trackedRangeOf(today: string): { from: string; until: string } {
  const year = today.slice(0, 4);
  const window = nextVacation(today);
  const from = `${year}-01-01` < window.windowStart ? `${year}-01-01` : window.windowStart;
  const until = `${year}-12-31` > window.windowEnd ? `${year}-12-31` : window.windowEnd;
  return { from, until };
}

type Matches = (session: SafetySession) => boolean;

function itemOf(
  sessions: readonly SafetySession[],
  matches: Matches,
  base: Omit<R12Item, 'state' | 'sessionDate'>,
): R12Item {
  const within = sessions.filter((session) => session.date >= base.from && session.date <= base.until && matches(session));
  const held = within.filter((session) => session.status === 'held').sort((a, b) => a.date.localeCompare(b.date))[0];
  if (held) return { ...base, state: 'done', sessionDate: held.date };
  const planned = within.filter((session) => session.status === 'planned').sort((a, b) => a.date.localeCompare(b.date))[0];
  if (planned) return { ...base, state: 'planned', sessionDate: planned.date };
  return { ...base, state: 'due', sessionDate: null };
}

function forAudience(kind: SafetySession['audience']['kind'], id: string, topic?: SafetyTopic): Matches {
  return (session) => session.audience.kind === kind && session.audience.id === id && (topic === undefined || session.topics.includes(topic));
}

function villageRow(town: TrackedTown, village: { id: string; name: string }, sessions: readonly SafetySession[], today: string): R12Row {
  const year = today.slice(0, 4);
  const base = { period: `${year}年`, from: `${year}-01-01`, until: `${year}-12-31` };
  return {
    kind: 'village',
    id: village.id,
    name: village.name,
    townId: town.id,
    items: [
      itemOf(sessions, forAudience('village', village.id, 'drowning'), { ...base, requirement: 'villageDrowning', remindFrom: `${year}${VILLAGE_DROWNING_REMIND_FROM}` }),
      itemOf(sessions, forAudience('village', village.id, 'bullying'), { ...base, requirement: 'villageBullying', remindFrom: `${year}${VILLAGE_BULLYING_REMIND_FROM}` }),
    ],
  };
}

function townRow(town: TrackedTown, sessions: readonly SafetySession[], today: string): R12Row {
  const quarter = quarterOf(today);
  return {
    kind: 'town',
    id: town.id,
    name: town.name,
    townId: town.id,
    items: [
      itemOf(sessions, forAudience('town', town.id), {
        requirement: 'townQuarter',
        period: `${quarter.year}年第${quarter.number}季度`,
        from: quarter.from,
        until: quarter.until,
        remindFrom: addDays(quarter.until, 1 - TOWN_REMIND_DAYS_BEFORE_QUARTER_END),
      }),
    ],
  };
}

function schoolRow(town: TrackedTown, school: { id: string; name: string }, sessions: readonly SafetySession[], today: string): R12Row {
  const vacation = nextVacation(today);
  return {
    kind: 'school',
    id: school.id,
    name: school.name,
    townId: town.id,
    items: [
      itemOf(sessions, forAudience('school', school.id), {
        requirement: 'schoolVacation',
        period: `${vacationYearOf(vacation)}年${vacationNames[vacation.kind]}前`,
        from: vacation.windowStart,
        until: vacation.windowEnd,
        remindFrom: addDays(vacation.start, -SCHOOL_REMIND_DAYS_BEFORE_VACATION),
      }),
    ],
  };
}

/** Each town's row, then its villages', then its schools': what R12 demands of each on `today`. */
export function r12TrackerOf(towns: readonly TrackedTown[], sessions: readonly SafetySession[], today: string): R12Row[] {
  return towns.flatMap((town) => [
    townRow(town, sessions, today),
    ...town.villages.map((village) => villageRow(town, village, sessions, today)),
    ...town.schools.map((school) => schoolRow(town, school, sessions, today)),
  ]);
}

/** Whether an item is still due and within its reminder weeks on `today`: what the reminder sweep tells of. */
export function isFallingDue(item: R12Item, today: string): boolean {
  return item.state === 'due' && today >= item.remindFrom && today <= item.until;
}

/** A district's summary of one town: how many of its villages, schools and its own quarter R12 finds done. */
export interface R12TownSummary {
  townId: string;
  name: string;
  quarterDone: boolean;
  villages: number;
  villagesDone: number;
  schools: number;
  schoolsDone: number;
  /** Items still due within their reminder weeks. */
  fallingDue: number;
}

export function r12SummaryOf(rows: readonly R12Row[], towns: readonly TrackedTown[], today: string): R12TownSummary[] {
  return towns.map((town) => {
    const own = rows.filter((row) => row.townId === town.id);
    const allDone = (row: R12Row) => row.items.every((item) => item.state === 'done');
    return {
      townId: town.id,
      name: town.name,
      quarterDone: own.some((row) => row.kind === 'town' && allDone(row)),
      villages: own.filter((row) => row.kind === 'village').length,
      villagesDone: own.filter((row) => row.kind === 'village' && allDone(row)).length,
      schools: own.filter((row) => row.kind === 'school').length,
      schoolsDone: own.filter((row) => row.kind === 'school' && allDone(row)).length,
      fallingDue: own.flatMap((row) => row.items).filter((item) => isFallingDue(item, today)).length,
    };
  });
}

/** Words for one item, as the tracker shows it: plain Chinese, R12 named. */
export const r12RequirementNames: Record<R12Requirement, string> = {
  villageDrowning: '每年至少一次防溺水教育',
  villageBullying: '每年至少一次防欺凌教育',
  townQuarter: '每季度至少一次安全教育讲座或主题活动',
  schoolVacation: '寒暑假前各一次安全教育',
};

export const r12StateNames: Record<R12State, string> = { done: '已完成', planned: '已计划', due: '尚未开展' };

/**
 * Whether any R12 item can be falling due on `today` (whatever is held): the reminder sweep reads a town's sessions,
 * villages and schools only on such days. From 1 May to the year's end (a village's 防溺水, then 防欺凌), and before
 * that only in the first quarter's last three weeks and the weeks before the winter vacation.
 */
export function r12MayFallDue(today: string): boolean {
  const year = today.slice(0, 4);
  const quarter = quarterOf(today);
  const vacation = nextVacation(today);
  return (
    today >= `${year}${VILLAGE_DROWNING_REMIND_FROM}` ||
    today >= addDays(quarter.until, 1 - TOWN_REMIND_DAYS_BEFORE_QUARTER_END) ||
    today >= addDays(vacation.start, -SCHOOL_REMIND_DAYS_BEFORE_VACATION)
  );
}
