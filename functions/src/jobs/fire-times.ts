import { addDays, addMonths } from '../domain/calendar.js';
import { shanghaiDate } from '../domain/time.js';
import type { JobSchedule } from './schedules.js';

/**
 * Beijing time is UTC+8 all year: China has kept no daylight saving time since 1991, so a Beijing wall-clock time is
 * one fixed instant and no fire time is skipped or doubled. (EventBridge Scheduler is told `Asia/Shanghai` all the
 * same, so the stack reads as the product's rules do.)
 */
const BEIJING_OFFSET_HOURS = 8;

/** EventBridge Scheduler's cron: minutes hours day-of-month month day-of-week year, read in the schedule's zone. */
export function schedulerExpressionOf(schedule: JobSchedule): string {
  const days = schedule.daysOfMonth === null ? '*' : schedule.daysOfMonth.join(',');
  return `cron(${schedule.minute} ${schedule.hour} ${days} * ? *)`;
}

function firesOn(schedule: JobSchedule, date: string): boolean {
  return schedule.daysOfMonth === null || schedule.daysOfMonth.includes(Number(date.slice(8, 10)));
}

/** The instant the schedule names on a Beijing calendar date (whether or not it fires that day). */
export function scheduledTimeOn(schedule: JobSchedule, date: string): Date {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day, schedule.hour - BEIJING_OFFSET_HOURS, schedule.minute));
}

/** The schedule's first fire time strictly after `after`: what `npm start`'s scheduler waits for. */
export function nextFireAfter(schedule: JobSchedule, after: Date): Date {
  // Days of the month are at most 28, so every month has a fire day: two months of days always hold the next one.
  let date = shanghaiDate(after);
  for (let day = 0; day < 62; day += 1, date = addDays(date, 1)) {
    if (!firesOn(schedule, date)) continue;
    const at = scheduledTimeOn(schedule, date);
    if (at.getTime() > after.getTime()) return at;
  }
  throw new RangeError(`schedule ${schedule.job} never fires after ${after.toISOString()}`);
}

/** What a run works on: its Beijing day, or the month before it as YYYY-MM. */
export type JobSubject = { kind: 'day'; date: string } | { kind: 'month'; month: string };

export function subjectOf(schedule: JobSchedule, scheduledTime: Date): JobSubject {
  const date = shanghaiDate(scheduledTime);
  if (schedule.takes === 'scheduledDay') return { kind: 'day', date };
  return { kind: 'month', month: addMonths(`${date.slice(0, 7)}-01`, -1).slice(0, 7) };
}
