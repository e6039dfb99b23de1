import type { EventsLogger } from '../events/events-logger.js';
import { nextFireAfter } from './fire-times.js';
import { runJob, type JobRunnerDeps, type JobRunResult } from './run-job.js';
import type { JobSchedule } from './schedules.js';

export interface LocalJobFiring {
  job: string;
  scheduledTime: Date;
  result: JobRunResult | 'failed';
}

export interface LocalJobScheduler {
  /** Runs every job whose time has come at `clock()`; resolves with what this pass fired. */
  tick(): Promise<LocalJobFiring[]>;
  /** When each job fires next (or is retried), for the start-up line and tests. */
  nextFires(): Map<string, Date>;
  /** No pass starts after this; resolves when the running one has finished. */
  stop(): Promise<void>;
}

const silent: EventsLogger = { info: () => {}, warn: () => {}, error: () => {} };

interface Pending {
  schedule: JobSchedule;
  scheduledTime: Date;
  attempts: number;
}

/**
 * `npm start`'s EventBridge Scheduler (it has no local engine): the same schedule list, fired at the same Beijing
 * times through the same runner, so a run is keyed and recorded as in the cloud. A failed run is tried again on the
 * following passes within the schedule's retry policy, as the Scheduler would. A time that passed while the server
 * was down is not caught up: run it by hand (`npm run job`).
 */
export function startLocalJobScheduler(options: {
  schedules: readonly JobSchedule[];
  runner: JobRunnerDeps;
  clock?: () => Date;
  intervalMs?: number;
  onRan?: () => void;
  logger?: EventsLogger;
}): LocalJobScheduler {
  const { schedules, runner, clock = () => new Date(), intervalMs = 30_000, onRan = () => {}, logger = silent } = options;
  const started = clock();
  const pending = new Map<string, Pending>(
    schedules.map((schedule) => [schedule.job, { schedule, scheduledTime: nextFireAfter(schedule, started), attempts: 0 }]),
  );
  let running: Promise<LocalJobFiring[]> | null = null;
  let stopped = false;

  async function fire(entry: Pending): Promise<LocalJobFiring> {
    const { schedule, scheduledTime } = entry;
    const next = () => pending.set(schedule.job, { schedule, scheduledTime: nextFireAfter(schedule, scheduledTime), attempts: 0 });
    try {
      const result = await runJob(runner, { job: schedule.job, scheduledTime });
      logger.info('local job run', { job: schedule.job, scheduledTime: scheduledTime.toISOString(), ...result });
      next();
      return { job: schedule.job, scheduledTime, result };
    } catch (error) {
      const attempts = entry.attempts + 1;
      const tooOld = clock().getTime() - scheduledTime.getTime() > schedule.retry.maxEventAgeSeconds * 1_000;
      const givenUp = attempts > schedule.retry.maxAttempts || tooOld;
      logger.error(givenUp ? 'local job failed, given up' : 'local job failed, will retry', {
        job: schedule.job,
        scheduledTime: scheduledTime.toISOString(),
        attempts,
        error,
      });
      if (givenUp) next();
      else pending.set(schedule.job, { ...entry, attempts });
      return { job: schedule.job, scheduledTime, result: 'failed' };
    }
  }

  async function pass(): Promise<LocalJobFiring[]> {
    const now = clock().getTime();
    const due = [...pending.values()].filter((entry) => entry.scheduledTime.getTime() <= now);
    const fired: LocalJobFiring[] = [];
    // One after another: on one machine the jobs share DynamoDB Local with the server.
    for (const entry of due) fired.push(await fire(entry));
    if (fired.some((firing) => firing.result !== 'failed')) onRan();
    return fired;
  }

  function tick(): Promise<LocalJobFiring[]> {
    if (stopped) return Promise.resolve([]);
    running ??= pass().finally(() => {
      running = null;
    });
    return running;
  }

  const timer = setInterval(() => void tick(), intervalMs);
  // The scheduler never keeps the process alive by itself: the server does.
  timer.unref();

  return {
    tick,
    nextFires: () => new Map([...pending].map(([job, entry]) => [job, entry.scheduledTime])),
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
