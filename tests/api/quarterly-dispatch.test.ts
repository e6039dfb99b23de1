import { beforeAll, describe, expect, it } from 'vitest';
import { emptyFigures, type MonthlyFigures } from '../../functions/src/domain/monthly-report.js';
import { startApiHarness, type ApiHarness } from './support/api-harness.js';
import { regions, type SeededUser } from './support/seed-area.js';

/**
 * R24 (issue 9 part 5): a town's quarterly dispatch (季度工作简报), drafted from the quarter's three monthly reports of
 * the town and set against the district's other towns, completed by the town's supervisor (saved with its version),
 * read by the district's officers; nobody else's.
 */
let h: ApiHarness;
const QUARTER = '2026-Q4';

const townFigures = (overrides: Partial<MonthlyFigures>): MonthlyFigures => ({ ...emptyFigures(), ...overrides });

async function putTownReport(regionId: 't1' | 't2', month: string, figures: MonthlyFigures) {
  const region = regions.find((candidate) => candidate.id === regionId)!;
  await h.table.repositories.monthlyReports.put({ month, regionId, level: 'town', parentId: region.parentId, figures, computedAt: '2027-01-01T18:00:00.000Z' });
}

const read = (as: SeededUser, townId = 't1') => h.call('GET', `/api/v1/dispatches/${townId}/${QUARTER}`, { as });
const save = (as: SeededUser, body: unknown, townId = 't1') => h.call('PUT', `/api/v1/dispatches/${townId}/${QUARTER}`, { as, json: body });

beforeAll(async () => {
  h = await startApiHarness();
  // t1: 10 + 10 + 20 due, 9 + 10 + 15 done (34 of 40: 85%); t2: 10 due, 10 done (100%). September belongs to Q3.
  await putTownReport('t1', '2026-10', townFigures({ visitsDue: 10, visitsDone: 9, visitsOnTime: 8, visitsLate: 1, visitsMissing: 1, confirmations: 7, concernsClosed: 1 }));
  await putTownReport('t1', '2026-11', townFigures({ visitsDue: 10, visitsDone: 10, visitsOnTime: 10, confirmations: 9, concernsClosed: 2 }));
  await putTownReport('t1', '2026-12', townFigures({ visitsDue: 20, visitsDone: 15, visitsOnTime: 12, visitsLate: 3, visitsMissing: 5, confirmations: 10 }));
  await putTownReport('t1', '2026-09', townFigures({ visitsDue: 99, visitsDone: 1, confirmations: 50 }));
  await putTownReport('t2', '2026-11', townFigures({ visitsDue: 10, visitsDone: 10, visitsOnTime: 10 }));
}, 60_000);

describe("a town's quarterly dispatch", () => {
  it("is drafted from the quarter's three reports of the town and ranks it among the district's towns by visit completion", async () => {
    // Act
    const res = await read('supervisorT1');
    // Assess
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      town: { id: 't1', name: '河口镇' },
      quarter: QUARTER,
      months: ['2026-10', '2026-11', '2026-12'],
      monthsReported: 3,
      progress: { visitsDue: 40, visitsDone: 34, visitsOnTime: 30, visitsLate: 4, visitsMissing: 6, completionPercent: 85 },
      results: { confirmations: 26, concernsClosed: 3 },
      sections: { typicalCases: '', problems: '', nextSteps: '' },
      version: 0,
      canEdit: true,
    });
    expect(res.body.comparison).toEqual([
      { townId: 't2', name: '山前镇', visitsDue: 10, visitsDone: 10, completionPercent: 100, rank: 1 },
      { townId: 't1', name: '河口镇', visitsDue: 40, visitsDone: 34, completionPercent: 85, rank: 2 },
    ]);
  });

  it('is completed by the supervisor with the version read; a save over a stale version is a 409 and changes nothing', async () => {
    // Act
    const first = await save('supervisorT1', { typicalCases: '东湾村留守儿童结对帮扶', problems: '西湾村走访滞后', nextSteps: '督促按月走访', version: 0 });
    const stale = await save('supervisorT1', { typicalCases: '覆盖', problems: '', nextSteps: '', version: 0 });
    const second = await save('supervisorT1', { typicalCases: '东湾村留守儿童结对帮扶', problems: '西湾村走访滞后，已约谈', nextSteps: '督促按月走访', version: 1 });
    // Assess
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 1, updatedByName: '孙河口', sections: { problems: '西湾村走访滞后' } });
    expect(stale.status).toBe(409);
    expect(stale.headers.get('content-type')).toBe('application/problem+json');
    expect(second.status).toBe(200);
    const now = await read('districtOfficer');
    expect(now.body).toMatchObject({ version: 2, canEdit: false, sections: { typicalCases: '东湾村留守儿童结对帮扶', problems: '西湾村走访滞后，已约谈' } });
  });

  it("is the town's alone: another town's supervisor gets 404, a guardian 403, the district's officer may read but not write", async () => {
    // Act
    const otherSupervisor = await read('supervisorT2');
    const guardian = await read('guardianA');
    const officerWrites = await save('districtOfficer', { typicalCases: '', problems: '', nextSteps: '', version: 2 });
    const otherWrites = await save('supervisorT2', { typicalCases: '', problems: '', nextSteps: '', version: 2 });
    // Assess
    expect(otherSupervisor.status).toBe(404);
    expect(guardian.status).toBe(403);
    expect(officerWrites.status).toBe(403);
    expect(otherWrites.status).toBe(404);
    expect((await read('supervisorT1')).body.version).toBe(2);
  });

  it('names the field of bad input and writes nothing: a quarter that is not one, a section too long', async () => {
    // Act
    const badQuarter = await h.call('GET', '/api/v1/dispatches/t1/2026-Q5', { as: 'supervisorT1' });
    const tooLong = await save('supervisorT1', { typicalCases: '例'.repeat(2001), problems: '', nextSteps: '', version: 2 });
    // Assess
    expect(badQuarter.status).toBe(400);
    expect(JSON.stringify(badQuarter.body)).toContain('quarter');
    expect(tooLong.status).toBe(400);
    expect(JSON.stringify(tooLong.body)).toContain('typicalCases');
    expect((await read('supervisorT1')).body.version).toBe(2);
  });
});
