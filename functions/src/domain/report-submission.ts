import { z } from 'zod';
import { monthlyFiguresSchema, monthSchema, type Month } from './monthly-report.js';
import { idSchema, regionLevelSchema, type RegionLevel } from './region.js';
import { singleLineText } from './text.js';

/**
 * R4: a town's supervisor sends the town's monthly report to the district, and the district's officer sends the
 * district's to the city. A submission is kept apart from the report the roll-up (re)writes: it holds the figures as
 * they were sent, who sent them and when, and whether that was late.
 */

/** The levels that send their report up; a village reports through its town, a city to nobody here. */
export const submittingLevels = ['town', 'district'] as const satisfies readonly RegionLevel[];
export type SubmittingLevel = (typeof submittingLevels)[number];

export function isSubmittingLevel(level: RegionLevel): level is SubmittingLevel {
  return (submittingLevels as readonly RegionLevel[]).includes(level);
}

/**
 * The day of the month after the reported one, in Beijing, before whose 00:00 each level must have sent.
 * - district → city: before the 20th (R4).
 * - town → district: before the 16th, so the district has four days (16th–19th) to review its towns' reports and
 *   ask for corrections before its own deadline; the reminder of the 15th is then the towns' last-day reminder,
 *   the one of the 19th the districts'.
 */
export const SUBMISSION_DEADLINE_DAY: Record<SubmittingLevel, number> = { town: 16, district: 20 };

/** The instant (ISO, UTC) a region's report for `month` is due: 00:00 Beijing of the deadline day of the next month. */
export function submissionDeadline(level: SubmittingLevel, month: Month): string {
  const [year, monthNumber] = month.split('-').map(Number) as [number, number];
  const day = String(SUBMISSION_DEADLINE_DAY[level]).padStart(2, '0');
  const next = monthNumber === 12 ? `${year + 1}-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}`;
  return new Date(`${next}-${day}T00:00:00+08:00`).toISOString();
}

export function isLate(submittedAt: string, deadline: string): boolean {
  return new Date(submittedAt).getTime() >= new Date(deadline).getTime();
}

export const reportSubmissionSchema = z
  .object({
    month: monthSchema,
    regionId: idSchema,
    level: regionLevelSchema,
    /** The region it is sent to (the town's district, the district's city): lists a district's towns in one query. */
    parentId: idSchema,
    /** The figures as they stood when sent; a later roll-up does not change what was sent. */
    figures: monthlyFiguresSchema,
    submittedBy: z.object({ id: idSchema, name: singleLineText(50) }).strict(),
    submittedAt: z.iso.datetime({ offset: true }),
    deadline: z.iso.datetime({ offset: true }),
    late: z.boolean(),
  })
  .strict();
export type ReportSubmission = z.infer<typeof reportSubmissionSchema>;

/** The twelve months of a year, January first. */
export function monthsOfYear(year: number): Month[] {
  return Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`);
}
