import { z } from 'zod';

/**
 * The recurring jobs (issue 9), defined once: the CDK stack makes one EventBridge Scheduler schedule of each
 * (infra/lib/job-schedules.ts) and `npm start`'s in-process scheduler fires the same list at the same Beijing times
 * (local-job-scheduler.ts), so the two cannot drift (STYLE.md habit 5).
 *
 * A time is a structure, not a cron string: both the EventBridge expression and the local next-fire time are
 * derived from it (fire-times.ts), so there is no cron parser to disagree with EventBridge's.
 */
export const jobNames = ['reminders', 'monthly-rollup', 'submission-reminders'] as const;
export const jobNameSchema = z.enum(jobNames);
export type JobName = z.infer<typeof jobNameSchema>;

/**
 * What a run works on, derived from its scheduled time in Beijing: that day, or the calendar month before it (the
 * roll-up on the 1st is about the month just ended).
 */
export const jobSubjects = ['scheduledDay', 'previousMonth'] as const;

export const jobScheduleSchema = z
  .object({
    job: jobNameSchema,
    /** For the schedule's description in AWS (English, no personal data). */
    description: z.string().min(1).max(512),
    /** Beijing wall-clock time of day. */
    hour: z.int().min(0).max(23),
    minute: z.int().min(0).max(59),
    /** Days of the month it fires on, or null for every day. At most 28, so that every month has each. */
    daysOfMonth: z.array(z.int().min(1).max(28)).min(1).nullable(),
    /** EventBridge Scheduler may start the run this many minutes after the time, to spread load. */
    flexibleWindowMinutes: z.int().min(1).max(1_440),
    /** The schedule's own retries of delivering to the job's function (RELIABILITY.md: 0–185, 60 s–24 h). */
    retry: z.object({
      maxAttempts: z.int().min(0).max(185),
      maxEventAgeSeconds: z.int().min(60).max(86_400),
    }),
    takes: z.enum(jobSubjects),
  })
  .strict();
export type JobSchedule = z.infer<typeof jobScheduleSchema>;

/** A day's worth of delivery retries: a job that waits a few hours is still worth running on the same day. */
const DAY_OF_RETRIES = { maxAttempts: 185, maxEventAgeSeconds: 86_400 };

export const JOB_SCHEDULES: readonly JobSchedule[] = z
  .array(jobScheduleSchema)
  .parse([
    {
      job: 'reminders',
      description: 'Shouhu: each worker a digest of the visits due within 3 days or overdue, daily 08:00 Beijing',
      hour: 8,
      minute: 0,
      daysOfMonth: null,
      flexibleWindowMinutes: 15,
      retry: DAY_OF_RETRIES,
      takes: 'scheduledDay',
    },
    {
      job: 'monthly-rollup',
      description: 'Shouhu: the roll-up of the month before, on the 1st at 02:00 Beijing',
      hour: 2,
      minute: 0,
      daysOfMonth: [1],
      flexibleWindowMinutes: 60,
      retry: DAY_OF_RETRIES,
      takes: 'previousMonth',
    },
    {
      job: 'submission-reminders',
      description: 'Shouhu: reminders to towns and districts that have not submitted, the 15th and 19th at 09:00 Beijing',
      hour: 9,
      minute: 0,
      daysOfMonth: [15, 19],
      flexibleWindowMinutes: 15,
      retry: DAY_OF_RETRIES,
      takes: 'scheduledDay',
    },
  ]);

export function scheduleOf(job: JobName): JobSchedule {
  const found = JOB_SCHEDULES.find((schedule) => schedule.job === job);
  if (!found) throw new RangeError(`no schedule for job ${job}`);
  return found;
}
