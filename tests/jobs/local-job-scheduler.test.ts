import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JobSubject } from '../../functions/src/jobs/fire-times.js';
import { startLocalJobScheduler, type LocalJobScheduler } from '../../functions/src/jobs/local-job-scheduler.js';
import type { JobBody } from '../../functions/src/jobs/run-job.js';
import { JOB_SCHEDULES, scheduleOf } from '../../functions/src/jobs/schedules.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';

/** `npm start`'s scheduler: the same list fired at the same Beijing times, on an injected clock. */
let db: TestTable;
let scheduler: LocalJobScheduler | undefined;
beforeAll(async () => {
  db = await createTestTable('local-jobs');
});
afterEach(async () => {
  await scheduler?.stop();
  scheduler = undefined;
});

let ids = 0;
const newId = () => `local${(ids += 1)}`;

function start(now: { at: Date }, body: JobBody, onRan = () => {}) {
  const clock = () => now.at;
  scheduler = startLocalJobScheduler({
    schedules: [scheduleOf('reminders')],
    runner: { runs: db.repositories.jobRuns, bodies: { reminders: body }, clock, newId },
    clock,
    // Passes are driven by the test through tick(), not by the timer.
    intervalMs: 3_600_000,
    onRan,
  });
  return scheduler;
}

describe('the local job scheduler', () => {
  it('fires the reminders at 08:00 Beijing once, then waits for the next day', async () => {
    // Prepare: 07:59 in Beijing.
    const now = { at: new Date('2026-11-19T23:59:00Z') };
    const subjects: JobSubject[] = [];
    let nudged = 0;
    const local = start(now, async (subject) => (subjects.push(subject), { messages: 1 }), () => (nudged += 1));
    // Act
    const before = await local.tick();
    now.at = new Date('2026-11-20T00:00:20Z');
    const at = await local.tick();
    const again = await local.tick();
    // Assess
    expect(before).toEqual([]);
    expect(at).toEqual([{ job: 'reminders', scheduledTime: new Date('2026-11-20T00:00:00Z'), result: { status: 'ran', outcome: { messages: 1 } } }]);
    expect(again).toEqual([]);
    expect(subjects).toEqual([{ kind: 'day', date: '2026-11-20' }]);
    expect(nudged).toBe(1);
    expect(local.nextFires().get('reminders')).toEqual(new Date('2026-11-21T00:00:00Z'));
    expect(await db.repositories.jobRuns.get({ job: 'reminders', scheduledTime: new Date('2026-11-20T00:00:00Z') })).toMatchObject({ status: 'done' });
  });

  it('tries a failed run again on the next pass, for the same scheduled time', async () => {
    const now = { at: new Date('2026-11-24T23:59:00Z') };
    let failures = 1;
    const local = start(now, async () => {
      if (failures-- > 0) throw new RangeError('not yet');
      return { messages: 2 };
    });
    now.at = new Date('2026-11-25T00:01:00Z');
    const failed = await local.tick();
    now.at = new Date('2026-11-25T00:02:00Z');
    const retried = await local.tick();
    expect(failed.map((f) => f.result)).toEqual(['failed']);
    expect(retried).toEqual([{ job: 'reminders', scheduledTime: new Date('2026-11-25T00:00:00Z'), result: { status: 'ran', outcome: { messages: 2 } } }]);
  });

  it('does not run a day the job already ran (by hand, say) again', async () => {
    const now = { at: new Date('2026-11-27T23:00:00Z') };
    let runs = 0;
    const body: JobBody = async () => ((runs += 1), { messages: 0 });
    const first = start(now, body);
    now.at = new Date('2026-11-28T00:00:00Z');
    await first.tick();
    await first.stop();
    // A second scheduler over the same table, started before the same time (a restart of npm start).
    now.at = new Date('2026-11-27T23:30:00Z');
    const second = start(now, body);
    now.at = new Date('2026-11-28T00:05:00Z');
    const fired = await second.tick();
    expect(fired.map((f) => f.result)).toEqual([{ status: 'alreadyDone' }]);
    expect(runs).toBe(1);
  });

  it('starts from the next fire time of every schedule it is given', () => {
    const now = { at: new Date('2026-11-30T12:00:00Z') };
    scheduler = startLocalJobScheduler({
      schedules: JOB_SCHEDULES,
      runner: { runs: db.repositories.jobRuns, bodies: {}, clock: () => now.at, newId },
      clock: () => now.at,
    });
    expect(Object.fromEntries([...scheduler.nextFires()].map(([job, at]) => [job, at.toISOString()]))).toEqual({
      reminders: '2026-12-01T00:00:00.000Z',
      'monthly-rollup': '2026-11-30T18:00:00.000Z',
      'submission-reminders': '2026-12-15T01:00:00.000Z',
    });
  });
});
