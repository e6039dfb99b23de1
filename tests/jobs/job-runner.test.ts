import { beforeAll, describe, expect, it } from 'vitest';
import type { JobSubject } from '../../functions/src/jobs/fire-times.js';
import { JobNotBuiltError, JobRunBusyError, runJob, type JobBody, type JobRunnerDeps } from '../../functions/src/jobs/run-job.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';

/** Issue 9: a run is keyed by its scheduled time, so a schedule firing twice, or a retry, does the work once. */
let db: TestTable;
beforeAll(async () => {
  db = await createTestTable('job-runner');
});

let ids = 0;
const newId = () => `run${(ids += 1)}`;

/** A body that counts its runs and what it was given, and waits for `release` when asked to. */
function countingBody(options: { fail?: () => boolean; release?: Promise<void> } = {}) {
  const calls: JobSubject[] = [];
  const body: JobBody = async (subject) => {
    calls.push(subject);
    await options.release;
    if (options.fail?.()) throw new RangeError('the body failed');
    return { messages: 3 };
  };
  return { body, calls };
}

function deps(body: JobBody, clock: () => Date, leaseMs?: number): JobRunnerDeps {
  return { runs: db.repositories.jobRuns, bodies: { reminders: body }, clock, newId, leaseMs };
}

describe('the job runner on DynamoDB Local', () => {
  it('runs two concurrent firings of the same scheduled time once; the other is told to retry, and its retry finds it done', async () => {
    // Prepare
    let release!: () => void;
    const { body, calls } = countingBody({ release: new Promise<void>((done) => (release = done)) });
    const scheduledTime = new Date('2026-11-20T00:00:00Z');
    const clock = () => new Date('2026-11-20T00:03:00Z');
    // Act: which of the two claims first is DynamoDB's to decide; the one that loses settles while the other waits.
    const firings = [runJob(deps(body, clock), { job: 'reminders', scheduledTime }), runJob(deps(body, clock), { job: 'reminders', scheduledTime })];
    const firstSettled = await Promise.race(firings.map((firing) => firing.then(() => 'ran', (error: unknown) => error)));
    release();
    const [a, b] = await Promise.allSettled(firings);
    const retry = await runJob(deps(body, clock), { job: 'reminders', scheduledTime });
    // Assess
    expect(firstSettled).toBeInstanceOf(JobRunBusyError);
    const outcomes = [a, b].map((s) => (s.status === 'fulfilled' ? s.value : s.reason));
    expect(outcomes).toContainEqual({ status: 'ran', outcome: { messages: 3 } });
    expect(outcomes.filter((o) => o instanceof JobRunBusyError)).toHaveLength(1);
    expect(retry).toEqual({ status: 'alreadyDone' });
    expect(calls).toEqual([{ kind: 'day', date: '2026-11-20' }]);
    const record = await db.repositories.jobRuns.get({ job: 'reminders', scheduledTime });
    expect(record).toMatchObject({ status: 'done', attempts: 1, outcome: { messages: 3 }, finishedAt: '2026-11-20T00:03:00.000Z' });
  });

  it('runs another scheduled time of the same job', async () => {
    const { body, calls } = countingBody();
    const clock = () => new Date('2026-11-22T00:01:00Z');
    await runJob(deps(body, clock), { job: 'reminders', scheduledTime: new Date('2026-11-21T00:00:00Z') });
    await runJob(deps(body, clock), { job: 'reminders', scheduledTime: new Date('2026-11-22T00:00:00Z') });
    expect(calls.map((c) => (c.kind === 'day' ? c.date : c.month))).toEqual(['2026-11-21', '2026-11-22']);
  });

  it('records a failed run with its error name and runs it again on the retry', async () => {
    // Prepare
    let failing = true;
    const { body, calls } = countingBody({ fail: () => failing });
    const scheduledTime = new Date('2026-11-23T00:00:00Z');
    const clock = () => new Date('2026-11-23T00:02:00Z');
    // Act
    const error = await runJob(deps(body, clock), { job: 'reminders', scheduledTime }).catch((e: unknown) => e);
    const failed = await db.repositories.jobRuns.get({ job: 'reminders', scheduledTime });
    failing = false;
    const retried = await runJob(deps(body, clock), { job: 'reminders', scheduledTime });
    // Assess
    expect(error).toBeInstanceOf(RangeError);
    expect(failed).toMatchObject({ status: 'failed', error: 'RangeError', attempts: 1 });
    expect(retried).toEqual({ status: 'ran', outcome: { messages: 3 } });
    expect(calls).toHaveLength(2);
    expect(await db.repositories.jobRuns.get({ job: 'reminders', scheduledTime })).toMatchObject({ status: 'done', attempts: 2, error: null });
  });

  it('takes over a run whose invocation crashed once its lease has run out, not before', async () => {
    // Prepare: a claim that never finished (its invocation died), as the runner leaves it.
    const scheduledTime = new Date('2026-11-24T00:00:00Z');
    const key = { job: 'reminders', scheduledTime };
    await db.repositories.jobRuns.claim(key, {
      runId: 'crashed',
      now: new Date('2026-11-24T00:01:00Z'),
      leaseUntil: new Date('2026-11-24T00:16:00Z'),
    });
    const { body, calls } = countingBody();
    // Act
    const early = await runJob(deps(body, () => new Date('2026-11-24T00:10:00Z')), { job: 'reminders', scheduledTime }).catch((e: unknown) => e);
    const late = await runJob(deps(body, () => new Date('2026-11-24T00:17:00Z')), { job: 'reminders', scheduledTime });
    // Assess
    expect(early).toBeInstanceOf(JobRunBusyError);
    expect(late).toEqual({ status: 'ran', outcome: { messages: 3 } });
    expect(calls).toHaveLength(1);
    // The crashed invocation, should it wake, cannot record over the run that took over.
    expect(await db.repositories.jobRuns.finish(key, 'crashed', { now: new Date(), outcome: {} })).toBe(false);
    expect(await db.repositories.jobRuns.get(key)).toMatchObject({ status: 'done', attempts: 2, outcome: { messages: 3 } });
  });

  it('refuses a job that has no body, writing no run', async () => {
    const scheduledTime = new Date('2026-12-01T18:00:00Z');
    const error = await runJob({ runs: db.repositories.jobRuns, bodies: {}, clock: () => scheduledTime, newId }, { job: 'monthly-rollup', scheduledTime }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(JobNotBuiltError);
    expect(await db.repositories.jobRuns.get({ job: 'monthly-rollup', scheduledTime })).toBeNull();
  });
});
