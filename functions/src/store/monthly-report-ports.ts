import type { Month, MonthlyReport } from '../domain/monthly-report.js';

/** The monthly reports (issue 9 part 5), one per region and month; the adapter is monthly-reports.ts. */
export interface MonthlyReports {
  /** Stores the report, replacing the one computed before: a roll-up run twice writes the same figures twice. */
  put(report: MonthlyReport): Promise<void>;
  get(regionId: string, month: Month): Promise<MonthlyReport | null>;
  /** The reports of the regions directly under `parentId` for the month (a town's villages, a district's towns). */
  listParts(parentId: string, month: Month): Promise<MonthlyReport[]>;
  /** One region's reports from `from` to `to` inclusive, oldest first (a year of a town for the comparison). */
  listMonths(regionId: string, from: Month, to: Month): Promise<MonthlyReport[]>;
}
