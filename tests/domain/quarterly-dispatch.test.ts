import { describe, expect, it } from 'vitest';
import { emptyFigures } from '../../functions/src/domain/monthly-report.js';
import { dispatchFiguresOf, monthsOfQuarter } from '../../functions/src/domain/quarterly-dispatch.js';

const done = (visitsDue: number, visitsDone: number) => ({ ...emptyFigures(), visitsDue, visitsDone });

describe("R24: a town's quarter among the district's towns", () => {
  it('has the three months of its quarter', () => {
    expect(monthsOfQuarter('2026-Q1')).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(monthsOfQuarter('2026-Q4')).toEqual(['2026-10', '2026-11', '2026-12']);
  });

  it('ranks by completion, equal percentages sharing a rank, a town with nothing due unranked and last; visits beyond those due count no more', () => {
    const figures = dispatchFiguresOf('t2', [
      { townId: 't1', name: '甲镇', months: [done(10, 8)] },
      { townId: 't2', name: '乙镇', months: [done(5, 4), done(5, 4)] },
      { townId: 't3', name: '丙镇', months: [done(4, 9)] },
      { townId: 't4', name: '丁镇', months: [] },
    ]);
    expect(figures.comparison.map(({ townId, completionPercent, rank }) => [townId, completionPercent, rank])).toEqual([
      ['t3', 100, 1],
      ['t1', 80, 2],
      ['t2', 80, 2],
      ['t4', null, null],
    ]);
    expect(figures).toMatchObject({ monthsReported: 2, progress: { visitsDue: 10, visitsDone: 8, completionPercent: 80 } });
  });
});
