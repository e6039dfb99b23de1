/**
 * The record of a recurring job's run (issue 9), one per job and scheduled time: what makes a schedule that fires
 * twice, or a retry, do the work once. The adapter is job-runs.ts.
 */
export interface JobRunKey {
  job: string;
  scheduledTime: Date;
}

export type JobOutcome = Record<string, number>;

export type JobRunClaim =
  | { claimed: true }
  /** Done before, or running now under another invocation's unexpired lease. */
  | { claimed: false; status: 'done' | 'running' };

export interface JobRuns {
  /**
   * Takes the run for `runId` until `leaseUntil`: when none exists, or the last attempt failed, or its lease ran
   * out (an invocation that crashed or timed out records nothing). Counts the attempts.
   */
  claim(key: JobRunKey, claim: { runId: string; now: Date; leaseUntil: Date }): Promise<JobRunClaim>;
  /** Records the outcome, if the run is still this `runId`'s; false when another took it over meanwhile. */
  finish(key: JobRunKey, runId: string, result: { now: Date; outcome: JobOutcome }): Promise<boolean>;
  /** Records the failure (the error's name, never its message, which may quote a record), freeing the run for a retry. */
  fail(key: JobRunKey, runId: string, result: { now: Date; error: string }): Promise<boolean>;
  get(key: JobRunKey): Promise<JobRunRecord | null>;
}

export interface JobRunRecord {
  job: string;
  scheduledTime: string;
  status: 'running' | 'done' | 'failed';
  runId: string;
  attempts: number;
  startedAt: string;
  leaseUntil: string;
  finishedAt: string | null;
  outcome: JobOutcome | null;
  error: string | null;
}
