import type { Month, MonthlyFigures } from '../domain/monthly-report.js';
import type { RegionLevel } from '../domain/region.js';
import { monthsOfYear } from '../domain/report-submission.js';
import type { Actor } from '../domain/user.js';
import type { MonthlyReports, RecordReader, RegionRepository } from '../store/ports.js';
import { loadReportRegion } from './report-guards.js';

export interface ReadReportYearPorts {
  records: RecordReader;
  regions: Pick<RegionRepository, 'listChildrenOf'>;
  monthlyReports: Pick<MonthlyReports, 'listMonths'>;
}

export interface ReportYearView {
  region: { id: string; name: string; level: RegionLevel };
  year: number;
  months: Month[];
  /** The region's own figures per month, null for a month with no report. */
  totals: (MonthlyFigures | null)[];
  /** Each part's figures per month (R24's 赛马比拼: the towns of a district, or the villages of a town, side by side). */
  parts: { regionId: string; name: string; figures: (MonthlyFigures | null)[] }[];
}

/** A region's and its parts' reports over the twelve months of a year: one query per region. */
export async function readReportYear(ports: ReadReportYearPorts, actor: Actor, regionId: string, year: number): Promise<ReportYearView> {
  const { region } = await loadReportRegion(ports, actor, regionId, 'read');
  const months = monthsOfYear(year);
  const byMonth = async (id: string) => {
    const reports = new Map((await ports.monthlyReports.listMonths(id, months[0]!, months[11]!)).map((report) => [report.month, report.figures]));
    return months.map((month) => reports.get(month) ?? null);
  };
  const partRegions = await ports.regions.listChildrenOf(region.id);
  const [totals, ...parts] = await Promise.all([byMonth(region.id), ...partRegions.map((part) => byMonth(part.id))]);
  return {
    region: { id: region.id, name: region.name, level: region.level },
    year,
    months,
    totals: totals!,
    parts: partRegions.map((part, index) => ({ regionId: part.id, name: part.name, figures: parts[index]! })),
  };
}
