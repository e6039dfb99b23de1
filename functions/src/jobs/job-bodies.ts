import { sendDueDigests, type SendDueDigestsPorts } from '../app/send-due-digests.js';
import { sendSubmissionReminders, type SendSubmissionRemindersPorts } from '../app/send-submission-reminders.js';
import type { JobBody } from './run-job.js';
import { JOB_SCHEDULES, type JobName, type JobSchedule } from './schedules.js';

/**
 * The jobs whose bodies are built. The schedule list names more (the monthly roll-up and the submission reminders
 * come with the later parts of issue 9); only these are scheduled, by the stack and by `npm start`, so nothing
 * fires into a body that is not there.
 */
export const BUILT_JOBS = ['reminders', 'submission-reminders'] as const satisfies readonly JobName[];
export type BuiltJob = (typeof BUILT_JOBS)[number];

export type JobBodies = Record<BuiltJob, JobBody>;

export type JobBodyPorts = SendDueDigestsPorts & SendSubmissionRemindersPorts;

/** The schedules whose job has a body: what the stack and `npm start` fire. */
export function runnableSchedules(): JobSchedule[] {
  return JOB_SCHEDULES.filter((schedule) => (BUILT_JOBS as readonly JobName[]).includes(schedule.job));
}

export function createJobBodies(ports: JobBodyPorts): JobBodies {
  return {
    async reminders(subject, scheduledTime) {
      if (subject.kind !== 'day') throw new RangeError('the reminders job works on a day');
      const sent = await sendDueDigests(ports, subject.date, scheduledTime);
      return { ...sent };
    },
    async 'submission-reminders'(subject, scheduledTime) {
      if (subject.kind !== 'day') throw new RangeError('the submission-reminders job works on a day');
      return { ...(await sendSubmissionReminders(ports, subject.date, scheduledTime)) };
    },
  };
}
