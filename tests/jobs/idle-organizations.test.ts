import { beforeAll, describe, expect, it } from 'vitest';
import { rollUpMonth } from '../../functions/src/app/roll-up-month.js';
import { startApiHarness, type ApiHarness } from '../api/support/api-harness.js';
import { children } from '../api/support/seed-area.js';
import { homeVisitBody, postCheckIn } from '../api/support/visits.js';

/**
 * R9 at the monthly roll-up (issue 9 part 5): an organization whose social workers made no home visit nor contact in
 * the month rolled up and the month before is flagged once in its district's inbox and on the district's 月度汇报;
 * the service is counted in the visit's own transaction, and a withdrawal takes it back out.
 */
let h: ApiHarness;
const IDLE_NAME = '江城明德社工服务中心';

const rollUp = (month: string, at: string) => rollUpMonth({ ...h.table.repositories, clock: () => new Date(at) }, month);
const idleFlags = async () =>
  (await h.table.repositories.inbox.list([{ kind: 'district', districtId: 'd1' }], 50)).filter((message) => message.kind === 'organizationIdle');

let octoberVisit: { id: string; version: number };

beforeAll(async () => {
  h = await startApiHarness();
  await h.table.repositories.organizations.create({ id: 'org2', name: IDLE_NAME, districtId: 'd1' });
  // org1's social worker visits in October; org2's workers do nothing in October or November.
  h.setNow('2026-10-20T06:00:00.000Z');
  const res = await postCheckIn(h, 'socialWorkerPledged', children.a1.id, homeVisitBody({ startedAt: '2026-10-20T09:00:00+08:00', endedAt: '2026-10-20T11:30:00+08:00' }));
  expect(res.status).toBe(201);
  octoberVisit = { id: res.body.id, version: res.body.version };
}, 60_000);

describe('R9: organizations without service for two consecutive months', () => {
  it('flags only the organization that served in neither October nor November, once, and a second run adds nothing', async () => {
    // Act
    const first = await rollUp('2026-11', '2026-11-30T18:00:00.000Z');
    const second = await rollUp('2026-11', '2026-11-30T18:05:00.000Z');
    // Assess
    expect(first.idleOrganizations).toBe(1);
    expect(second.idleOrganizations).toBe(0);
    const flags = await idleFlags();
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      kind: 'organizationIdle',
      organization: { organizationId: 'org2', organizationName: IDLE_NAME, districtId: 'd1', month: '2026-11' },
      text: `服务机构连续两个月未提供服务：${IDLE_NAME}（R9）`,
    });
  });

  it("lists the flagged organization in the district's 月度汇报 (服务机构提醒) and in the officer's inbox", async () => {
    // Act
    const report = await h.call('GET', '/api/v1/reports/d1/months/2026-11', { as: 'districtOfficer' });
    const inbox = await h.call('GET', '/api/v1/inbox', { as: 'districtOfficer' });
    // Assess
    expect(report.status).toBe(200);
    expect(report.body.idleOrganizations).toEqual([{ id: 'org2', name: IDLE_NAME }]);
    expect(inbox.status).toBe(200);
    const items = JSON.stringify(inbox.body);
    expect(items).toContain('organizationIdle');
    expect(items).toContain(IDLE_NAME);
  });

  it("takes a withdrawn visit back out of its organization's service: org1 is then flagged too, org2 not again", async () => {
    // Prepare
    h.setNow('2026-10-21T06:00:00.000Z');
    const withdrawn = await h.call('POST', `/api/v1/children/${children.a1.id}/visits/${octoberVisit.id}/withdrawal`, {
      as: 'socialWorkerPledged',
      json: { version: octoberVisit.version, reason: '重复登记' },
    });
    expect(withdrawn.status).toBe(200);
    // Act
    const rerun = await rollUp('2026-11', '2026-12-02T02:00:00.000Z');
    // Assess
    expect(rerun.idleOrganizations).toBe(1);
    const flagged = (await idleFlags()).map((message) => message.organization?.organizationId).sort();
    expect(flagged).toEqual(['org1', 'org2']);
  });
});
