import { z } from 'zod';
import { jobNameSchema, type JobName } from './schedules.js';

/**
 * What a schedule passes its target (infra/lib/job-schedules.ts): the job's name and
 * `<aws.scheduler.scheduled-time>`, which EventBridge Scheduler fills with the time the schedule named, the same for
 * every attempt and whatever the flexible window made of it: the key of the run. The execution id is not asked for:
 * it is new on every attempt (RELIABILITY.md).
 */
export const jobInputSchema = z
  .object({
    job: jobNameSchema,
    scheduledTime: z.iso.datetime({ offset: true }),
  })
  .strict();
export type JobInput = z.infer<typeof jobInputSchema>;

/** The input with the context attribute in it, as the stack writes it into each schedule's target. */
export function scheduleTargetInput(job: JobName): string {
  return JSON.stringify({ job, scheduledTime: '<aws.scheduler.scheduled-time>' });
}
