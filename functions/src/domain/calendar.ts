import type { Interval } from './obligation.js';

/**
 * Date arithmetic on Beijing calendar dates written YYYY-MM-DD. The rules count calendar days and calendar months
 * (R3 "每月", R14 "每半年"), not 24-hour periods, so nothing here touches instants or time zones: turn an instant
 * into a Beijing date with `shanghaiDate` (time.ts) first. ISO dates compare correctly as strings.
 */

const MS_PER_DAY = 86_400_000;

/** A month counts as 30.44 days when intervals of different units are compared (365.25 / 12). */
export const DAYS_PER_MONTH = 30.44;

function partsOf(date: string): [number, number, number] {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return [Number(match[1]), Number(match[2]), Number(match[3])];
}

function formatUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(date: string, days: number): string {
  const [y, m, d] = partsOf(date);
  return formatUtc(Date.UTC(y, m - 1, d) + days * MS_PER_DAY);
}

/** Calendar months with the day clamped to the end of a shorter month: 01-31 + 1 month = 02-28 (or 02-29). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = partsOf(date);
  const monthIndex = y * 12 + (m - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addInterval(date: string, interval: Interval): string {
  return interval.unit === 'day' ? addDays(date, interval.count) : addMonths(date, interval.count);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const [fy, fm, fd] = partsOf(from);
  const [ty, tm, td] = partsOf(to);
  return Math.round((Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / MS_PER_DAY);
}

/** The length of an interval in days, for deciding which of two rules is stricter. */
export function intervalInDays(interval: Interval): number {
  return interval.unit === 'day' ? interval.count : interval.count * DAYS_PER_MONTH;
}

export function laterDate(a: string, b: string): string {
  return a >= b ? a : b;
}
