import { addDays } from './calendar.js';

/**
 * R12 (002 §六(五)): schools hold one safety session before the winter and before the summer vacation. When those
 * vacations start, by school year: the first day of vacation in Shanghai's primary and secondary school calendar
 * (上海市中小学校历, published each year by 上海市教育委员会). The figures are approximate (the published calendars put
 * the winter vacation in the last week of January and the summer vacation at the start of July); a year not in the
 * table falls back to 25 January and 1 July. Add each year's dates as the calendar is published.
 */
export interface VacationStarts {
  winter: string;
  summer: string;
}

export const VACATION_STARTS: Readonly<Record<number, VacationStarts>> = {
  2025: { winter: '2025-01-18', summer: '2025-07-01' },
  2026: { winter: '2026-01-24', summer: '2026-07-01' },
  2027: { winter: '2027-01-23', summer: '2027-07-01' },
  2028: { winter: '2028-01-22', summer: '2028-07-01' },
};

const FALLBACK = { winter: '-01-25', summer: '-07-01' };

/**
 * "Before the vacation" is the eight weeks before its first day: late enough that the session is about that vacation
 * (the risks of the weeks at home: water, fire, traffic, the internet), early enough to fit the term's last weeks
 * around exams. A session held in the window counts for that vacation; one held earlier counts for none.
 */
export const PRE_VACATION_WINDOW_DAYS = 56;

export type VacationKind = 'winter' | 'summer';

export interface Vacation {
  kind: VacationKind;
  /** The first day of the vacation (Beijing date). */
  start: string;
  /** The window's first and last day: the session must be held on one of these days. */
  windowStart: string;
  windowEnd: string;
}

export function vacationStartsOf(year: number): VacationStarts {
  return VACATION_STARTS[year] ?? { winter: `${year}${FALLBACK.winter}`, summer: `${year}${FALLBACK.summer}` };
}

function vacation(kind: VacationKind, start: string): Vacation {
  return { kind, start, windowStart: addDays(start, -PRE_VACATION_WINDOW_DAYS), windowEnd: addDays(start, -1) };
}

/** The next vacation that has not begun on `today` (a vacation starting today has begun). */
export function nextVacation(today: string): Vacation {
  const year = Number(today.slice(0, 4));
  const candidates = [year, year + 1].flatMap((y) => {
    const starts = vacationStartsOf(y);
    return [vacation('winter', starts.winter), vacation('summer', starts.summer)];
  });
  return candidates.find((candidate) => candidate.start > today)!;
}
