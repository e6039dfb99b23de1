/**
 * Calendar dates and clock times in Beijing, by a fixed UTC+8 offset: some WeChat JS engines on Android ship
 * without time-zone data, and China has kept UTC+8 with no daylight saving since 1991 (age.ts says the same).
 */
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar date (YYYY-MM-DD) in Beijing at an instant. */
export function shanghaiDateOf(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The clock time (HH:mm) in Beijing at an instant. */
export function shanghaiTimeOf(instant: Date): string {
  return new Date(instant.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);
}

/** 2026-11-23 + 08:00 (Beijing) → 2026-11-23T08:00:00+08:00, the form the API takes. */
export function beijingInstant(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

/** Whole days from one calendar date to another (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** The calendar date some whole days after (or, negative, before) another. */
export function dateAfterDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar date some whole months after another, clamped at the month's end (08-31 + 6 → 02-28). */
export function dateAfterMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/** 11月23日 08:00, with the year only when it is not the current one. */
export function formatDateTime(iso: string, now: Date): string {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return iso;
  const date = shanghaiDateOf(instant);
  const [y, m, d] = date.split('-').map(Number);
  const year = date.slice(0, 4) === shanghaiDateOf(now).slice(0, 4) ? '' : `${y}年`;
  return `${year}${m}月${d}日 ${shanghaiTimeOf(instant)}`;
}

/** 11月23日 08:00–10:10, or across midnight 11月23日 22:00–11月24日 01:00. */
export function formatTimeRange(startIso: string, endIso: string, now: Date): string {
  const start = formatDateTime(startIso, now);
  const sameDay = shanghaiDateOf(new Date(startIso)) === shanghaiDateOf(new Date(endIso));
  return `${start}–${sameDay ? shanghaiTimeOf(new Date(endIso)) : formatDateTime(endIso, now)}`;
}

/** 2小时10分钟, 45分钟. */
export function formatDuration(startIso: string, endIso: string): string {
  const minutes = Math.max(0, Math.round((Date.parse(endIso) - Date.parse(startIso)) / 60_000));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}分钟`;
  return rest === 0 ? `${hours}小时` : `${hours}小时${rest}分钟`;
}
