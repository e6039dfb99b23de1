import { z } from 'zod';
import { sumFigures, type Month, type MonthlyFigures } from './monthly-report.js';
import { idSchema } from './region.js';
import { multiLineText } from './text.js';

/**
 * R24: each town's quarterly dispatch (季度工作简报): progress, results, typical cases, problems, next steps. The
 * figures are drafted from the quarter's three monthly reports of the town (the roll-up's, R4) and set against the
 * district's other towns (赛马比拼); the supervisor completes the three free-text sections.
 */
export const quarterSchema = z.string().regex(/^20\d{2}-Q[1-4]$/, '季度格式应为 YYYY-Qn（如 2026-Q4）');
export type Quarter = z.infer<typeof quarterSchema>;

/** The quarter's months, in order. */
export function monthsOfQuarter(quarter: Quarter): [Month, Month, Month] {
  const [year, number] = [quarter.slice(0, 4), Number(quarter.slice(6))];
  const month = (offset: number) => `${year}-${String((number - 1) * 3 + offset).padStart(2, '0')}`;
  return [month(1), month(2), month(3)];
}

/** Home visits made over home visits due, as a whole percentage (a visit beyond those due counts no more); null when none were due. */
export function completionPercent(figures: Pick<MonthlyFigures, 'visitsDone' | 'visitsDue'>): number | null {
  if (figures.visitsDue === 0) return null;
  return Math.round((Math.min(figures.visitsDone, figures.visitsDue) / figures.visitsDue) * 100);
}

export interface DispatchProgress {
  visitsDue: number;
  visitsDone: number;
  visitsOnTime: number;
  visitsLate: number;
  visitsMissing: number;
  completionPercent: number | null;
}

export interface DispatchResults {
  confirmations: number;
  disputes: number;
  contacts: number;
  concernsReceived: number;
  concernsClosed: number;
}

/** One town of the district in the quarter's race, ranked by completion (towns with nothing due last, unranked). */
export interface DispatchStanding {
  townId: string;
  name: string;
  visitsDue: number;
  visitsDone: number;
  completionPercent: number | null;
  rank: number | null;
}

export interface DispatchFigures {
  /** How many of the quarter's months the roll-up has reported for the town (0 to 3). */
  monthsReported: number;
  progress: DispatchProgress;
  results: DispatchResults;
  comparison: DispatchStanding[];
}

export interface TownQuarter {
  townId: string;
  name: string;
  /** The town's reports of the quarter's months that exist. */
  months: readonly MonthlyFigures[];
}

/** A town's dispatch figures from its reports and those of the district's other towns over the same quarter. */
export function dispatchFiguresOf(townId: string, towns: readonly TownQuarter[]): DispatchFigures {
  const totals = towns.map((town) => ({ town, figures: sumFigures(town.months) }));
  const own = totals.find(({ town }) => town.townId === townId);
  const figures = own?.figures ?? sumFigures([]);
  const standings = totals
    .map(({ town, figures: total }) => ({
      townId: town.townId,
      name: town.name,
      visitsDue: total.visitsDue,
      visitsDone: total.visitsDone,
      completionPercent: completionPercent(total),
    }))
    .sort((a, b) => (b.completionPercent ?? -1) - (a.completionPercent ?? -1) || a.name.localeCompare(b.name, 'zh'));
  // Equal percentages share a rank (1, 2, 2, 4), as a race's table does.
  const comparison = standings.map((standing) => ({
    ...standing,
    rank: standing.completionPercent === null ? null : 1 + standings.filter((other) => (other.completionPercent ?? -1) > standing.completionPercent!).length,
  }));
  return {
    monthsReported: own?.town.months.length ?? 0,
    progress: {
      visitsDue: figures.visitsDue,
      visitsDone: figures.visitsDone,
      visitsOnTime: figures.visitsOnTime,
      visitsLate: figures.visitsLate,
      visitsMissing: figures.visitsMissing,
      completionPercent: completionPercent(figures),
    },
    results: {
      confirmations: figures.confirmations,
      disputes: figures.disputes,
      contacts: figures.contacts,
      concernsReceived: figures.concernsReceived,
      concernsClosed: figures.concernsClosed,
    },
    comparison,
  };
}

/** The sections the supervisor writes: 典型案例, 存在问题, 下一步计划 (no child's name belongs in them: figures and practice). */
export const dispatchSectionsSchema = z
  .object({
    typicalCases: multiLineText(2000, { min: 0 }),
    problems: multiLineText(2000, { min: 0 }),
    nextSteps: multiLineText(2000, { min: 0 }),
  })
  .strict();
export type DispatchSections = z.infer<typeof dispatchSectionsSchema>;

export const emptySections: DispatchSections = { typicalCases: '', problems: '', nextSteps: '' };

/** A save: the sections as now written, over the version read (0 when none was saved yet). */
export const saveDispatchInputSchema = dispatchSectionsSchema.extend({ version: z.int().min(0) }).strict();
export type SaveDispatchInput = z.infer<typeof saveDispatchInputSchema>;

/** The sections as saved, with who saved them last. */
export const quarterlyDispatchSchema = z
  .object({
    townId: idSchema,
    quarter: quarterSchema,
    typicalCases: z.string(),
    problems: z.string(),
    nextSteps: z.string(),
    updatedAt: z.iso.datetime({ offset: true }),
    updatedBy: z.object({ id: idSchema, name: z.string() }).strict(),
    version: z.int().positive(),
  })
  .strict();
export type QuarterlyDispatch = z.infer<typeof quarterlyDispatchSchema>;
