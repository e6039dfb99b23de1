import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { rollUpMonth } from '../../functions/src/app/roll-up-month.js';
import { createRuntime } from '../../functions/src/compose/runtime.js';
import { jobInputSchema, scheduleTargetInput } from '../../functions/src/jobs/job-input.js';
import { runJob } from '../../functions/src/jobs/run-job.js';
import { startApiHarness, type ApiHarness } from '../api/support/api-harness.js';
import { contactBody, homeVisitBody, postCheckIn } from '../api/support/visits.js';
import { children } from '../api/support/seed-area.js';
import { countRequests } from '../store/request-counter.js';

/**
 * The monthly roll-up job (issue 9 part 5) as EventBridge Scheduler fires it: the schedule's target input with
 * `<aws.scheduler.scheduled-time>` filled in, parsed as the job function parses it, run by the job runner of the
 * composition root over DynamoDB Local with an injected clock.
 */
let h: ApiHarness;
let clock = new Date('2026-12-01T02:00:00.000Z');

/** 02:00 on 1 December 2026 in Beijing, as the schedule names it: the run reports on November. */
const scheduledTime = '2026-11-30T18:00:00Z';

function schedulerEvent(time: string): unknown {
  return JSON.parse(scheduleTargetInput('monthly-rollup').replace('<aws.scheduler.scheduled-time>', time));
}

async function fire(event: unknown) {
  const input = jobInputSchema.parse(event);
  const runtime = createRuntime({ tableName: h.table.tableName, client: h.table.client, clock: () => clock });
  return runJob(runtime.jobRunner, { job: input.job, scheduledTime: new Date(input.scheduledTime) });
}

const reportOf = (regionId: string, month: string) => h.table.repositories.monthlyReports.get(regionId, month);

beforeAll(async () => {
  h = await startApiHarness();
  // Recorded in the small hours of 1 December (Beijing), about the evening before and just after midnight.
  h.setNow('2026-11-30T17:00:00.000Z');
  const lateOnTheLastDay = homeVisitBody({ startedAt: '2026-11-30T23:30:00+08:00', endedAt: '2026-12-01T00:10:00+08:00' });
  const justAfterMidnight = contactBody({ startedAt: '2026-12-01T00:30:00+08:00', endedAt: '2026-12-01T00:40:00+08:00' });
  expect((await postCheckIn(h, 'socialWorkerPledged', children.a1.id, lateOnTheLastDay)).status).toBe(201);
  expect((await postCheckIn(h, 'directorV1', children.a1.id, justAfterMidnight)).status).toBe(201);
}, 60_000);

describe('the monthly roll-up job', () => {
  it('fired for 2026-12-01 02:00 Beijing reports November; the visit at 23:30 on 30 November counts there, the contact at 00:30 on 1 December in December', async () => {
    // Act
    const result = await fire(schedulerEvent(scheduledTime));
    await rollUpMonth({ ...h.table.repositories, clock: () => clock }, '2026-12');
    // Assess
    expect(result).toEqual({ status: 'ran', outcome: { reports: 10, villages: 4, idleOrganizations: 0 } });
    const november = await reportOf('v1', '2026-11');
    const december = await reportOf('v1', '2026-12');
    expect(november).toMatchObject({ month: '2026-11', level: 'village', parentId: 't1', computedAt: clock.toISOString() });
    expect(november!.figures).toMatchObject({ visitsDone: 1, contacts: 0, childrenServed: 2 });
    expect(december!.figures).toMatchObject({ visitsDone: 0, contacts: 1 });
    // Every level above is the sum of its parts: t1 holds v1 and v2, d1 t1 and t2, c1 d1 and d2.
    expect((await reportOf('t1', '2026-11'))!.figures.childrenServed).toBe(3);
    expect((await reportOf('c1', '2026-11'))!.figures).toMatchObject({ childrenServed: 4, visitsDone: 1 });
    expect((await reportOf('c1', '2026-11'))!.parentId).toBeNull();
  });

  it('fired twice, does nothing the second time and leaves the stored reports as they were', async () => {
    // Prepare
    const before = await Promise.all(['v1', 't1', 'd1', 'c1'].map((id) => reportOf(id, '2026-11')));
    clock = new Date('2026-12-01T02:05:00.000Z');
    // Act
    const again = await fire(schedulerEvent(scheduledTime));
    // Assess
    expect(again).toEqual({ status: 'alreadyDone' });
    expect(await Promise.all(['v1', 't1', 'd1', 'c1'].map((id) => reportOf(id, '2026-11')))).toEqual(before);
  });
});

describe("the roll-up's reads", () => {
  it('do not grow with the number of visits: a few counter items per village and the month of each town\'s due index', async () => {
    // Prepare
    const counter = countRequests(h.table.client);
    const readsOfOneRollUp = async () => {
      counter.reset();
      await rollUpMonth({ ...h.table.repositories, clock: () => clock }, '2026-11');
      return counter.totals().itemsRead;
    };
    const contactsOnNovember = async (count: number) => {
      for (let day = 0; day < count; day += 1) {
        const at = `2026-11-${String(1 + (day % 28)).padStart(2, '0')}T10:${String(day % 60).padStart(2, '0')}:00+08:00`;
        const body = contactBody({ startedAt: at, endedAt: at });
        expect((await postCheckIn(h, 'directorV1', children.a2.id, body, randomUUID())).status).toBe(201);
      }
    };
    // Act
    await contactsOnNovember(5);
    const withFew = await readsOfOneRollUp();
    await contactsOnNovember(25);
    const withMany = await readsOfOneRollUp();
    counter.stop();
    // Assess
    expect((await reportOf('v1', '2026-11'))!.figures.contacts).toBe(30);
    expect(withMany).toBeLessThanOrEqual(withFew);
    expect(withMany).toBeLessThan(30);
  }, 120_000);
});
