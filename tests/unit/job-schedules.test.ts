import { describe, expect, it } from 'vitest';
import { shanghaiDate } from '../../functions/src/domain/time.js';
import { nextFireAfter, scheduledTimeOn, schedulerExpressionOf, subjectOf } from '../../functions/src/jobs/fire-times.js';
import { JOB_SCHEDULES, jobScheduleSchema, scheduleOf, type JobSchedule } from '../../functions/src/jobs/schedules.js';

const beijing = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
/** An instant as Beijing wall-clock time, by the platform's time-zone database rather than by our offset. */
const inBeijing = (at: Date) => beijing.format(at).replace(', ', 'T');

describe('the recurring jobs list (issue 9)', () => {
  it('names each job once, at the times the issue asks, every entry valid', () => {
    // Prepare / Act
    const byJob = new Map(JOB_SCHEDULES.map((s) => [s.job, s]));
    // Assess
    expect(byJob.size).toBe(JOB_SCHEDULES.length);
    for (const schedule of JOB_SCHEDULES) expect(jobScheduleSchema.parse(schedule)).toEqual(schedule);
    expect(schedulerExpressionOf(scheduleOf('reminders'))).toBe('cron(0 8 * * ? *)');
    expect(schedulerExpressionOf(scheduleOf('monthly-rollup'))).toBe('cron(0 2 1 * ? *)');
    expect(schedulerExpressionOf(scheduleOf('submission-reminders'))).toBe('cron(0 9 15,19 * ? *)');
  });

  it('refuses a day of the month some months lack, and retries beyond what Scheduler allows', () => {
    const base = scheduleOf('monthly-rollup');
    expect(jobScheduleSchema.safeParse({ ...base, daysOfMonth: [31] }).success).toBe(false);
    expect(jobScheduleSchema.safeParse({ ...base, retry: { maxAttempts: 186, maxEventAgeSeconds: 3_600 } }).success).toBe(false);
    expect(jobScheduleSchema.safeParse({ ...base, retry: { maxAttempts: 3, maxEventAgeSeconds: 30 } }).success).toBe(false);
  });
});

describe('next fire time in Beijing', () => {
  const reminders = scheduleOf('reminders');
  const rollup = scheduleOf('monthly-rollup');
  const submissions = scheduleOf('submission-reminders');

  it('fires the daily reminders at 08:00 Beijing, which is midnight UTC, across the UTC day boundary', () => {
    // 23:59 UTC on the 30th is 07:59 on 1 Dec in Beijing: the next fire is a minute later, not the next day.
    expect(nextFireAfter(reminders, new Date('2026-11-30T23:59:00Z')).toISOString()).toBe('2026-12-01T00:00:00.000Z');
    // Exactly at the fire time: the next is a day later (strictly after).
    expect(nextFireAfter(reminders, new Date('2026-12-01T00:00:00Z')).toISOString()).toBe('2026-12-02T00:00:00.000Z');
    // 16:30 UTC on 31 Dec is 00:30 on 1 Jan in Beijing: the year turns.
    expect(nextFireAfter(reminders, new Date('2026-12-31T16:30:00Z')).toISOString()).toBe('2027-01-01T00:00:00.000Z');
  });

  it('fires the roll-up at 02:00 on the 1st Beijing, the evening before in UTC, through February and leap years', () => {
    expect(nextFireAfter(rollup, new Date('2026-11-15T00:00:00Z')).toISOString()).toBe('2026-11-30T18:00:00.000Z');
    // 17:59 UTC on 31 Jan is 01:59 on 1 Feb in Beijing: one minute to go.
    expect(nextFireAfter(rollup, new Date('2027-01-31T17:59:00Z')).toISOString()).toBe('2027-01-31T18:00:00.000Z');
    expect(nextFireAfter(rollup, new Date('2028-02-01T00:00:00Z')).toISOString()).toBe('2028-02-29T18:00:00.000Z');
  });

  it('fires the submission reminders on the 15th and the 19th only', () => {
    expect(nextFireAfter(submissions, new Date('2026-11-15T01:00:00Z')).toISOString()).toBe('2026-11-19T01:00:00.000Z');
    expect(nextFireAfter(submissions, new Date('2026-11-19T01:00:00Z')).toISOString()).toBe('2026-12-15T01:00:00.000Z');
  });

  it('lands every fire of a year on the schedule\'s Beijing wall-clock time, by the platform\'s zone database', () => {
    for (const schedule of JOB_SCHEDULES as JobSchedule[]) {
      let at = new Date('2026-12-31T00:00:00Z');
      for (let i = 0; i < 40; i += 1) {
        at = nextFireAfter(schedule, at);
        const [date, time] = inBeijing(at).split('T');
        expect(time).toBe(`${String(schedule.hour).padStart(2, '0')}:${String(schedule.minute).padStart(2, '0')}`);
        if (schedule.daysOfMonth) expect(schedule.daysOfMonth).toContain(Number(date.slice(8)));
        expect(shanghaiDate(at)).toBe(date);
      }
    }
  });
});

describe('what a run works on', () => {
  it('takes the Beijing day of its scheduled time, or the month before for the roll-up', () => {
    expect(subjectOf(scheduleOf('reminders'), new Date('2026-11-20T00:00:00Z'))).toEqual({ kind: 'day', date: '2026-11-20' });
    // 18:00 UTC on 31 Dec 2026 is 02:00 on 1 Jan 2027 in Beijing: the roll-up is December's.
    expect(subjectOf(scheduleOf('monthly-rollup'), new Date('2026-12-31T18:00:00Z'))).toEqual({ kind: 'month', month: '2026-12' });
  });

  it('names the same scheduled time for a day run by hand as the schedule would have fired', () => {
    expect(scheduledTimeOn(scheduleOf('reminders'), '2026-11-20').toISOString()).toBe('2026-11-20T00:00:00.000Z');
    expect(scheduledTimeOn(scheduleOf('monthly-rollup'), '2027-01-01').toISOString()).toBe('2026-12-31T18:00:00.000Z');
  });
});
