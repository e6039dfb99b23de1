/** All dates people see or rules count are in Beijing time (ARCHITECTURE.md, "Time"). */
export const TIME_ZONE = 'Asia/Shanghai';

const dateFormatter = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date (YYYY-MM-DD) in Beijing at an instant. */
export function shanghaiDate(instant: Date): string {
  return dateFormatter.format(instant);
}

/** Whole years between a birth date and a day, both YYYY-MM-DD, as birthdays count them. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  const hadBirthday = m > bm || (m === bm && d >= bd);
  return y - by - (hadBirthday ? 0 : 1);
}

/** An injected clock: the domain never reads the system time itself. */
export type Clock = () => Date;
