import { villageFigures } from '../domain/monthly-counts.js';
import { sumFigures, type Month, type MonthlyFigures, type MonthlyReport } from '../domain/monthly-report.js';
import type { Region } from '../domain/region.js';
import { shanghaiDate } from '../domain/time.js';
import type { MonthlyCounters, MonthlyReports, RegionRepository } from '../store/ports.js';
import { flagIdleOrganizations, type FlagIdleOrganizationsPorts } from './flag-idle-organizations.js';

export interface RollUpMonthPorts extends FlagIdleOrganizationsPorts {
  regions: Pick<RegionRepository, 'listRoots' | 'listChildrenOf'>;
  monthlyCounters: MonthlyCounters;
  monthlyReports: Pick<MonthlyReports, 'put'>;
  clock: () => Date;
}

export interface RolledUp {
  month: Month;
  /** Reports stored, one per region at every level. */
  reports: number;
  villages: number;
  /** Organizations flagged to their district by this run for two months without service (R9); 0 on a rerun. */
  idleOrganizations: number;
}

/** The months from `month` to the one `now` is in (Beijing), oldest first; just `month` when it is not past. */
function monthsFrom(month: Month, now: Date): Month[] {
  const current = shanghaiDate(now).slice(0, 7);
  const months = [month];
  for (let next = following(month); next <= current; next = following(next)) months.push(next);
  return months;
}

function following(month: Month): Month {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

const REPORT_WRITES_AT_ONCE = 25;

/**
 * The monthly roll-up (R4, issue 9 part 5): each village's figures from its counter items (read by key, a few per
 * village: the month's, the standing one, and those of the months since, which take the standing figures back to the
 * month's end) and its town's due index over the month; each town the sum of its villages, each district of its
 * towns, each city of its districts. Every report is stored, replacing the one computed before, so a rerun (a retry,
 * or a late run after corrections) stores the figures as they now are. Then R9: the districts' organizations without
 * service in the month and the month before are flagged (flag-idle-organizations.ts).
 */
export async function rollUpMonth(ports: RollUpMonthPorts, month: Month): Promise<RolledUp> {
  const now = ports.clock();
  const computedAt = now.toISOString();
  const months = monthsFrom(month, now);
  const reports: MonthlyReport[] = [];
  const reportOf = (region: Region, figures: MonthlyFigures): MonthlyFigures => {
    reports.push({ month, regionId: region.id, level: region.level, parentId: region.parentId, figures, computedAt });
    return figures;
  };
  let villageCount = 0;

  async function townFigures(town: Region): Promise<MonthlyFigures> {
    const villages = (await ports.regions.listChildrenOf(town.id)).filter((region) => region.level === 'village');
    villageCount += villages.length;
    // The town's own month item holds what was for the whole town (R5's town-wide activities), read like a village's.
    const [counters, openDue] = await Promise.all([
      ports.monthlyCounters.readVillages([...villages.map((village) => village.id), town.id], months),
      ports.monthlyCounters.countHomeVisitsDue(town.id, month),
    ]);
    const parts = villages.map((village) => {
      const items = counters.get(village.id)!;
      return reportOf(
        village,
        villageFigures({
          month: items.months.get(month) ?? {},
          standing: items.standing,
          later: months.slice(1).map((later) => items.months.get(later) ?? {}),
          openDue: openDue.get(village.id) ?? 0,
        }),
      );
    });
    const townWide = counters.get(town.id)?.months.get(month)?.activitiesHeld ?? 0;
    const total = sumFigures(parts);
    return reportOf(town, { ...total, activitiesHeld: total.activitiesHeld + townWide });
  }

  const districtIds: string[] = [];
  async function regionFigures(region: Region): Promise<MonthlyFigures> {
    if (region.level === 'town') return townFigures(region);
    if (region.level === 'district') districtIds.push(region.id);
    const below = await ports.regions.listChildrenOf(region.id);
    return reportOf(region, sumFigures(await Promise.all(below.map(regionFigures))));
  }

  await Promise.all((await ports.regions.listRoots()).map(regionFigures));
  for (let start = 0; start < reports.length; start += REPORT_WRITES_AT_ONCE) {
    await Promise.all(reports.slice(start, start + REPORT_WRITES_AT_ONCE).map((report) => ports.monthlyReports.put(report)));
  }
  const idleOrganizations = await flagIdleOrganizations(ports, districtIds, month, now);
  return { month, reports: reports.length, villages: villageCount, idleOrganizations };
}
