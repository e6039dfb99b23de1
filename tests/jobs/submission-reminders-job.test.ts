import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { emptyFigures } from '../../functions/src/domain/monthly-report.js';
import { setLambdaEnvironment } from '../events/support/lambda-environment.js';
import { auditOf, createRegions, regions } from '../store/fixtures.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';

/**
 * The submission-reminders job (issue 9, R4) as EventBridge Scheduler runs it on the 15th and the 19th at 09:00
 * Beijing: each town and district whose report for last month was made and not sent gets one reminder in its post's
 * inbox, naming the region, the month and the deadline; a second firing of the day adds nothing.
 */
let db: TestTable;
let handler: (event: unknown) => Promise<void>;
let restoreEnvironment: () => void;

/** 09:00 on 15 Dec 2026 in Beijing. */
const scheduledTime = '2026-12-15T01:00:00Z';
const MONTH = '2026-11';

beforeAll(async () => {
  db = await createTestTable('submission-reminders');
  await createRegions(db.repositories);
  // Reports made for every town and district of c1 but t10 (its roll-up found nothing: nothing to send yet).
  for (const region of regions.filter((r) => ['d1', 'd2', 't1', 't2', 't3'].includes(r.id))) {
    await db.repositories.monthlyReports.put({ month: MONTH, regionId: region.id, level: region.level, parentId: region.parentId, figures: emptyFigures(), computedAt: '2026-11-30T18:00:00.000Z' });
  }
  // t1 and d2 have sent theirs.
  for (const [regionId, level, parentId] of [['t1', 'town', 'd1'], ['d2', 'district', 'c1']] as const) {
    await db.repositories.reportSubmissions.create(
      { month: MONTH, regionId, level, parentId, figures: emptyFigures(), submittedBy: { id: 'u1', name: '沈志强' }, submittedAt: '2026-12-10T02:00:00.000Z', deadline: '2026-12-15T16:00:00.000Z', late: false },
      auditOf('report.submit', null),
    );
  }
  restoreEnvironment = setLambdaEnvironment(db, {});
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  ({ handler } = await import('../../functions/src/lambda/scheduled-job.js'));
});
afterAll(() => {
  vi.restoreAllMocks();
  restoreEnvironment();
});

const townInbox = (townId: string) => db.repositories.inbox.list([{ kind: 'town', townId }], 10);
const districtInbox = (districtId: string) => db.repositories.inbox.list([{ kind: 'district', districtId }], 10);

describe('the submission-reminders job through its Lambda entry', () => {
  it('reminds the towns and districts that have not sent, once however often it fires', async () => {
    await handler({ job: 'submission-reminders', scheduledTime });
    await handler({ job: 'submission-reminders', scheduledTime });

    expect(await townInbox('t2')).toEqual([
      expect.objectContaining({
        kind: 'reportDue',
        childId: null,
        report: { regionId: 't2', regionName: '新浜镇', month: MONTH, deadline: '2026-12-15T16:00:00.000Z' },
        text: '新浜镇 2026-11 月度汇报尚未提交，请于 12月15日24时 前提交',
      }),
    ]);
    expect(await townInbox('t3')).toHaveLength(1);
    expect((await districtInbox('d1'))[0]?.report).toEqual({ regionId: 'd1', regionName: '松江区', month: MONTH, deadline: '2026-12-19T16:00:00.000Z' });
    // Sent already, or not made yet: nothing.
    expect(await townInbox('t1')).toEqual([]);
    expect(await townInbox('t10')).toEqual([]);
    expect(await districtInbox('d2')).toEqual([]);
    const run = await db.repositories.jobRuns.get({ job: 'submission-reminders', scheduledTime: new Date(scheduledTime) });
    expect(run).toMatchObject({ status: 'done', outcome: { towns: 2, districts: 1, delivered: 3 } });
  });

  it('on the 19th, reminds again those still not sent (a new message of that day)', async () => {
    await handler({ job: 'submission-reminders', scheduledTime: '2026-12-19T01:00:00Z' });
    expect(await townInbox('t2')).toHaveLength(2);
  });
});
