import { beforeEach, describe, expect, it } from 'vitest';
import { emptyFigures, monthBefore, sumFigures, type MonthlyReport } from '../../functions/src/domain/monthly-report.js';
import { createMonthlyReports } from '../../functions/src/store/monthly-reports.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';

/** Issue 9 part 5: the stored monthly reports, one per region and month, listed by parent and by month. */
let db: TestTable;
let reports: ReturnType<typeof createMonthlyReports>;

beforeEach(async () => {
  db = await createTestTable('monthly-reports');
  reports = createMonthlyReports(db.client, db.tableName);
});

const report = (regionId: string, parentId: string | null, month: string, visitsDone: number): MonthlyReport => ({
  month,
  regionId,
  level: parentId === null ? 'city' : 'village',
  parentId,
  figures: { ...emptyFigures(), visitsDone },
  computedAt: '2026-12-01T02:00:00.000+08:00',
});

describe('monthly reports', () => {
  it('stores a report and replaces it when the roll-up computes it again', async () => {
    await reports.put(report('v1', 't1', '2026-11', 3));
    await reports.put(report('v1', 't1', '2026-11', 4));
    expect(await reports.get('v1', '2026-11')).toEqual(report('v1', 't1', '2026-11', 4));
    expect(await reports.get('v1', '2026-10')).toBeNull();
  });

  it('lists the parts of a region for one month, and one region over months', async () => {
    await reports.put(report('v1', 't1', '2026-11', 1));
    await reports.put(report('v2', 't1', '2026-11', 2));
    await reports.put(report('v3', 't10', '2026-11', 5));
    await reports.put(report('v1', 't1', '2026-10', 7));
    await reports.put(report('v1', 't1', '2026-12', 8));

    expect((await reports.listParts('t1', '2026-11')).map((part) => part.regionId).sort()).toEqual(['v1', 'v2']);
    expect((await reports.listMonths('v1', '2026-10', '2026-11')).map((part) => part.figures.visitsDone)).toEqual([7, 1]);
  });

  it('refuses a report whose figures are not counts', async () => {
    await expect(reports.put({ ...report('v1', 't1', '2026-11', 1), figures: { ...emptyFigures(), visitsDone: -1 } })).rejects.toThrow();
    expect(await reports.get('v1', '2026-11')).toBeNull();
  });
});

describe('figures', () => {
  it('sum figure by figure, and the roll-up on the 1st reports the month before', () => {
    const total = sumFigures([{ ...emptyFigures(), visitsDone: 2, disputes: 1 }, { ...emptyFigures(), visitsDone: 3 }]);
    expect(total).toEqual({ ...emptyFigures(), visitsDone: 5, disputes: 1 });
    expect(monthBefore('2026-12-01')).toBe('2026-11');
    expect(monthBefore('2027-01-01')).toBe('2026-12');
  });
});
