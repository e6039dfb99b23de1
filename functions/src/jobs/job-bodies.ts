import { rollUpMonth, type RollUpMonthPorts } from '../app/roll-up-month.js';
import { sendSubmissionReminders, type SendSubmissionRemindersPorts } from '../app/send-submission-reminders.js';
import { sweepReminders, type ReminderSweepPorts } from './reminder-sweep.js';
import type { JobBody } from './run-job.js';
import { JOB_SCHEDULES, type JobName, type JobSchedule } from './schedules.js';

/**
 * The jobs whose bodies are built: every one the schedule list names. Only these are scheduled, by the stack and by
 * `npm start`, so a job listed before its body is built fires into nothing.
 */
export const BUILT_JOBS = ['reminders', 'monthly-rollup', 'submission-reminders'] as const satisfies readonly JobName[];
export type BuiltJob = (typeof BUILT_JOBS)[number];

export type JobBodies = Record<BuiltJob, JobBody>;

export type JobBodyPorts = ReminderSweepPorts & RollUpMonthPorts & SendSubmissionRemindersPorts;

/** The schedules whose job has a body: what the stack and `npm start` fire. */
export function runnableSchedules(): JobSchedule[] {
  return JOB_SCHEDULES.filter((schedule) => (BUILT_JOBS as readonly JobName[]).includes(schedule.job));
}

export function createJobBodies(ports: JobBodyPorts): JobBodies {
  return {
    async reminders(subject, scheduledTime) {
      if (subject.kind !== 'day') throw new RangeError('the reminders job works on a day');
      const sent = await sweepReminders(ports, subject.date, scheduledTime);
      return { ...sent };
    },
    async 'monthly-rollup'(subject) {
      if (subject.kind !== 'month') throw new RangeError('the monthly roll-up works on a month');
      const { reports, villages, idleOrganizations } = await rollUpMonth(ports, subject.month);
      return { reports, villages, idleOrganizations };
    },
    async 'submission-reminders'(subject, scheduledTime) {
      if (subject.kind !== 'day') throw new RangeError('the submission-reminders job works on a day');
      return { ...(await sendSubmissionReminders(ports, subject.date, scheduledTime)) };
    },
  };
}
