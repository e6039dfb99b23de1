import { createLogger } from '../api/logger.js';
import { requireEnv } from '../config/env.js';
import { createRuntime } from '../compose/runtime.js';
import { jobInputSchema } from '../jobs/job-input.js';
import { runJob } from '../jobs/run-job.js';

/**
 * The recurring jobs' function, the target of every schedule of infra/lib/job-schedules.ts. EventBridge Scheduler
 * invokes it asynchronously with `{ job, scheduledTime }`; the run is keyed by both, so a schedule that fires twice
 * or an invocation retried does the work once. Anything thrown (an input that is not a job's, a failed run, a run
 * another invocation holds) fails the invocation, for Lambda's retries and then the dead-letter queue.
 */
const logger = createLogger({ base: { service: 'shouhu-scheduled-job' } });

let runtime: ReturnType<typeof createRuntime> | undefined;

export async function handler(event: unknown): Promise<void> {
  const input = jobInputSchema.safeParse(event);
  if (!input.success) {
    logger.error('job input refused', { problems: input.error.issues.map((issue) => issue.path.join('.') || '(input)') });
    throw new Error('the input is not a scheduled job');
  }
  runtime ??= createRuntime({ tableName: requireEnv('TABLE_NAME') });
  const request = { job: input.data.job, scheduledTime: new Date(input.data.scheduledTime) };
  try {
    const result = await runJob(runtime.jobRunner, request);
    logger.info('job run', { job: request.job, scheduledTime: input.data.scheduledTime, ...result });
  } catch (error) {
    logger.error('job failed', { job: request.job, scheduledTime: input.data.scheduledTime, error });
    throw error;
  }
}
