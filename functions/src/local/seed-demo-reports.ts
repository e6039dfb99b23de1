import { monthBefore, sumFigures, type Month, type MonthlyFigures } from '../domain/monthly-report.js';
import type { Region } from '../domain/region.js';
import { monthsOfYear } from '../domain/report-submission.js';
import { shanghaiDate } from '../domain/time.js';
import type { Repositories } from '../store/ports.js';
import type { DemoArea } from './demo-area.js';

/**
 * A stand-in for the monthly roll-up in the demo (issue 9 part 5, which computes the real figures from the month's
 * counters): the reports of this year's months up to last month for every region of the demo area, so the 月度汇报
 * page has a month to show and a year to compare from the first start. Figures follow each village's children on
 * record, with visits varying by village and month; a report already there (the roll-up's) is left alone.
 */
export async function seedDemoReports(repositories: Pick<Repositories, 'monthlyReports'>, area: DemoArea, now: Date): Promise<number> {
  const last = monthBefore(shanghaiDate(now));
  const months = monthsOfYear(Number(last.slice(0, 4))).filter((month) => month <= last);
  let written = 0;
  for (const month of months) {
    for (const { region, figures } of reportsOf(area, month)) {
      if (await repositories.monthlyReports.get(region.id, month)) continue;
      await repositories.monthlyReports.put({ month, regionId: region.id, level: region.level, parentId: region.parentId, figures, computedAt: now.toISOString() });
      written += 1;
    }
  }
  return written;
}

/** A small, stable spread from a name and a month (0..spread-1), so the demo's towns do not all run level. */
function spreadOf(key: string, spread: number): number {
  let hash = 7;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) % 10_007;
  return hash % spread;
}

function villageFigures(area: DemoArea, village: Region, month: Month): MonthlyFigures {
  const children = area.children.filter((child) => child.region.villageId === village.id);
  const due = children.length + spreadOf(`${village.id}${month}due`, 4);
  const missing = Math.min(due, spreadOf(`${village.id}${month}missing`, 4));
  const done = due - missing;
  const late = Math.min(done, spreadOf(`${village.id}${month}late`, 3));
  return {
    childrenServed: children.length,
    riskRed: children.filter((child) => child.riskLevel === 'red').length,
    riskYellow: children.filter((child) => child.riskLevel === 'yellow').length,
    riskGreen: children.filter((child) => child.riskLevel === 'green').length,
    visitsDue: due,
    visitsDone: done,
    visitsOnTime: done - late,
    visitsLate: late,
    visitsMissing: missing,
    visitsMeetingR3: Math.max(0, done - spreadOf(`${village.id}${month}r3`, 2)),
    confirmations: Math.max(0, done - 1),
    disputes: spreadOf(`${village.id}${month}dispute`, 5) === 0 ? 1 : 0,
    contacts: children.length * 2,
    concernsReceived: spreadOf(`${village.id}${month}concern`, 2),
    concernsClosed: 0,
    escalationsOpen: spreadOf(`${village.id}${month}case`, 4) === 0 ? 1 : 0,
  };
}

/** Every region's figures for the month: villages first, each level above the sum of the level below. */
function reportsOf(area: DemoArea, month: Month): { region: Region; figures: MonthlyFigures }[] {
  const figuresOf = new Map<string, MonthlyFigures>();
  const compute = (region: Region): MonthlyFigures => {
    const known = figuresOf.get(region.id);
    if (known) return known;
    const figures =
      region.level === 'village'
        ? villageFigures(area, region, month)
        : sumFigures(area.regions.filter((child) => child.parentId === region.id).map(compute));
    figuresOf.set(region.id, figures);
    return figures;
  };
  return area.regions.map((region) => ({ region, figures: compute(region) }));
}
