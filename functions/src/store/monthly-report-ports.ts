import type { Counts } from '../domain/monthly-counts.js';
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

/** One village's counter items (domain/monthly-counts.ts) as stored: the standing one, and one per month read. */
export interface VillageCounterItems {
  standing: Counts;
  months: ReadonlyMap<Month, Counts>;
}

/** What the roll-up reads: counter items by key and each town's due index over one month, never a scan. */
export interface MonthlyCounters {
  /** The standing item and the items of `months` of each village, by BatchGetItem (absent items read as empty). */
  readVillages(villageIds: readonly string[], months: readonly Month[]): Promise<Map<string, VillageCounterItems>>;
  /** Home-visit obligations of the town due within the month (still open, as obligations are), counted by village. */
  countHomeVisitsDue(townId: string, month: Month): Promise<Map<string, number>>;
}
