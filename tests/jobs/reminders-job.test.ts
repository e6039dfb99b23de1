import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createRuntime } from '../../functions/src/compose/runtime.js';
import { addDays } from '../../functions/src/domain/calendar.js';
import type { DueDigest } from '../../functions/src/domain/inbox.js';
import type { VisitRuleId } from '../../functions/src/domain/obligation.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';
import { setLambdaEnvironment } from '../events/support/lambda-environment.js';
import { auditOf, createRegions, makeChild, storeChild, team } from '../store/fixtures.js';

/**
 * The reminders job (issue 9) as EventBridge Scheduler runs it: the job Lambda invoked with the schedule's input
 * (`{ job, scheduledTime: <aws.scheduler.scheduled-time> }`) on the table in DynamoDB Local. Each children's
 * director and social worker with a visit overdue or due within three days gets one digest a day.
 */
let db: TestTable;
let handler: (event: unknown) => Promise<void>;
let restoreEnvironment: () => void;
const logged: string[] = [];

/** 08:00 on 28 Dec 2026 in Beijing, as the schedule names it. */
const scheduledTime = '2026-12-28T00:00:00Z';
const today = '2026-12-28';

beforeAll(async () => {
  db = await createTestTable('reminders-job');
  await createRegions(db.repositories);
  const policy = { districtId: 'd1', ruleIds: ['R3', 'R11', 'R14'] as VisitRuleId[], unconfirmedAfterDays: 3, updatedAt: '2026-11-01T00:00:00.000Z', updatedBy: 'officer', version: 1 };
  await db.repositories.policies.put({ policy, audit: auditOf('policy.update', null), events: [] });
  // Two towns of d1, each child with its team; one child with no team, whose duties nobody holds yet.
  await storeChild(db.repositories, makeChild('rem-1', { villageId: 'v1', team: team('sw-a', 'sup-1', 'dir-a') }));
  await storeChild(db.repositories, makeChild('rem-2', { villageId: 'v2', team: team('sw-a', 'sup-1', 'dir-b') }));
  await storeChild(db.repositories, makeChild('rem-3', { villageId: 'v3', team: team('sw-c', 'sup-2', 'dir-c') }));
  await storeChild(db.repositories, makeChild('rem-4', { villageId: 'v10' }));
  restoreEnvironment = setLambdaEnvironment(db, {});
  vi.spyOn(process.stdout, 'write').mockImplementation((line) => (logged.push(String(line)), true));
  ({ handler } = await import('../../functions/src/lambda/scheduled-job.js'));
});
afterAll(() => {
  vi.restoreAllMocks();
  restoreEnvironment();
});

/** What the worker's own due list (the other index) says for the day: the digest must agree with it. */
async function expectedDigest(userId: string): Promise<DueDigest> {
  const due = await db.repositories.obligations.listDueForAssignee(userId, addDays(today, 3));
  const overdue = due.filter((entry) => entry.obligation.dueDate < today).length;
  return { date: today, overdue, dueSoon: due.length - overdue, dueSoonDays: 3 };
}

const inboxOf = (userId: string) => db.repositories.inbox.list([{ kind: 'user', userId }], 50);

describe('the reminders job through its Lambda entry', () => {
  it('puts one digest in each worker\'s inbox, in counts that agree with their own due list, and a second firing adds nothing', async () => {
    // Act
    await handler({ job: 'reminders', scheduledTime });
    await handler({ job: 'reminders', scheduledTime });
    // Assess
    for (const userId of ['sw-a', 'dir-a', 'dir-b', 'sw-c', 'dir-c']) {
      const messages = await inboxOf(userId);
      const expected = await expectedDigest(userId);
      expect(expected.overdue + expected.dueSoon).toBeGreaterThan(0);
      expect(messages).toHaveLength(1);
      expect(messages[0]).toMatchObject({ kind: 'dueDigest', childId: null, visitId: null, digest: expected, readAt: null });
      expect(messages[0].text).toContain(`${expected.overdue} 项走访已逾期`);
    }
    // sw-a holds both of d1's teamed children in two villages: one digest with both counted.
    expect((await expectedDigest('sw-a')).overdue).toBe(2);
    const run = await db.repositories.jobRuns.get({ job: 'reminders', scheduledTime: new Date(scheduledTime) });
    expect(run).toMatchObject({ status: 'done', attempts: 1, outcome: { towns: 5, people: 5, delivered: 5 } });
    expect(logged.join('')).not.toContain('李小明');
  });

  it('refuses an input that is not a scheduled job, writing nothing', async () => {
    await expect(handler({ job: 'reminders', scheduledTime: 'tomorrow' })).rejects.toThrow();
    await expect(handler({ job: 'everything', scheduledTime })).rejects.toThrow();
    expect(await db.repositories.jobRuns.get({ job: 'everything', scheduledTime: new Date(scheduledTime) })).toBeNull();
  });
});

describe('the digest use case on its own', () => {
  it('writes nothing new when a run that crashed after delivering is run again for the same day', async () => {
    // Prepare: the Lambda's run of the day delivered already; a retry's body runs again.
    const { reminders } = createRuntime({ tableName: db.tableName, client: db.client }).jobRunner.bodies;
    // Act
    const again = await reminders!({ kind: 'day', date: today }, new Date(scheduledTime));
    const nextDay = await reminders!({ kind: 'day', date: '2026-12-29' }, new Date('2026-12-29T00:00:00Z'));
    // Assess
    expect(again).toMatchObject({ towns: 5, people: 5, delivered: 0 });
    expect(nextDay.delivered).toBe(5);
    expect(await inboxOf('sw-a')).toHaveLength(2);
  });
});
