/**
 * Ages in Beijing time. Not built on domain/time.ts: that module creates an Intl.DateTimeFormat with a time zone
 * when it loads, and some WeChat JS engines on Android ship without time-zone data. China has kept UTC+8 with no
 * daylight saving since 1991, so a fixed offset gives the same calendar day (tests check it against the domain).
 */
import { shanghaiDateOf } from './beijing-time';

export { shanghaiDateOf };

/** Whole years of life on a Beijing day, as birthdays count them (a child born on 29 Feb turns a year older on 1 Mar). */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

/** 8岁, or 不满1岁 for a baby. */
export function formatAge(birthDate: string, now: Date): string {
  const age = ageOn(birthDate, shanghaiDateOf(now));
  return age < 1 ? '不满1岁' : `${age}岁`;
}
