import type { JobOutcome, JobRuns } from '../store/job-run-ports.js';
import { subjectOf, type JobSubject } from './fire-times.js';
import { scheduleOf, type JobName } from './schedules.js';

/** One scheduled firing: the job and the time the schedule named (not when it arrived, nor the attempt). */
export interface JobRequest {
  job: JobName;
  scheduledTime: Date;
}

/**
 * A job's work for one run. It may run again for the same subject after a crash midway, so whatever it writes is
 * keyed to be written once (a message per person and day, say); it returns counts to record with the run.
 */
export type JobBody = (subject: JobSubject, scheduledTime: Date) => Promise<JobOutcome>;

/** The jobs built so far: the schedule list may name more (their bodies come with the later parts of issue 9). */
export type JobTable = Partial<Record<JobName, JobBody>>;

export class JobNotBuiltError extends Error {
  readonly code = 'JOB_NOT_BUILT';
  constructor(readonly job: string) {
    super(`job ${job} has no body yet`);
    this.name = 'JobNotBuiltError';
  }
}

/**
 * Another invocation holds the run under a lease that has not run out. Thrown, not returned, so that this
 * invocation is retried: if the holder finishes, the retry finds the run done; if it crashed, its lease runs out and
 * the retry takes over.
 */
export class JobRunBusyError extends Error {
  readonly code = 'JOB_RUN_BUSY';
  constructor(readonly job: string, readonly scheduledTime: Date) {
    super(`job ${job} for ${scheduledTime.toISOString()} is running elsewhere`);
    this.name = 'JobRunBusyError';
  }
}

/** How long the job function may run (its Lambda timeout, infra/lib/job-schedules.ts). */
export const JOB_TIMEOUT_MS = 5 * 60_000;

/**
 * A run's claim outlives the longest an invocation can live, so a live run is never taken over, but only just: a
 * run that crashed or timed out records nothing, and Lambda's retry of that invocation (EventBridge Scheduler invokes
 * asynchronously; the first retry comes about a minute after the failure) must find the claim free.
 */
export const JOB_LEASE_MS = JOB_TIMEOUT_MS + 30_000;

export type JobRunResult = { status: 'ran'; outcome: JobOutcome } | { status: 'alreadyDone' };

export interface JobRunnerDeps {
  runs: JobRuns;
  bodies: JobTable;
  clock: () => Date;
  newId: () => string;
  leaseMs?: number;
}

/** Claims the run keyed by job and scheduled time, runs the body once, records its outcome or its failure. */
export async function runJob(deps: JobRunnerDeps, request: JobRequest): Promise<JobRunResult> {
  const body = deps.bodies[request.job];
  if (!body) throw new JobNotBuiltError(request.job);
  const key = { job: request.job, scheduledTime: request.scheduledTime };
  const runId = deps.newId();
  const now = deps.clock();
  const claim = await deps.runs.claim(key, { runId, now, leaseUntil: new Date(now.getTime() + (deps.leaseMs ?? JOB_LEASE_MS)) });
  if (!claim.claimed) {
    if (claim.status === 'done') return { status: 'alreadyDone' };
    throw new JobRunBusyError(request.job, request.scheduledTime);
  }

  let outcome: JobOutcome;
  try {
    outcome = await body(subjectOf(scheduleOf(request.job), request.scheduledTime), request.scheduledTime);
  } catch (error) {
    await deps.runs.fail(key, runId, { now: deps.clock(), error: (error as Error | undefined)?.name ?? 'Error' });
    throw error;
  }
  await deps.runs.finish(key, runId, { now: deps.clock(), outcome });
  return { status: 'ran', outcome };
}
