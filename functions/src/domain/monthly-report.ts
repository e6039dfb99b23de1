import { z } from 'zod';
import { regionLevelSchema } from './region.js';

/**
 * The monthly visit report (R4, issue 9 part 5): one set of figures per region and month (Beijing), a village's from
 * its counters, every level above the sum of the level below. The names here are the contract between the roll-up
 * (which computes them), the exports and the dashboard (which show them).
 */
export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM');
export type Month = z.infer<typeof monthSchema>;

const count = z.number().int().nonnegative();

export const monthlyFiguresSchema = z
  .object({
    /** Children on record in the region at the month's end (not closed). */
    childrenServed: count,
    /** Of those, by risk level at the month's end. */
    riskRed: count,
    riskYellow: count,
    riskGreen: count,
    /** Home visits whose due date fell in the month. */
    visitsDue: count,
    /** Home visits made in the month (withdrawn ones not counted). */
    visitsDone: count,
    /** Home visits made in the month that met an obligation on or before its due date, or after it. */
    visitsOnTime: count,
    visitsLate: count,
    /** Home visits due in the month and still not made at its end. */
    visitsMissing: count,
    /** Home visits made in the month that met R3 (two people, the social worker among them, two hours). */
    visitsMeetingR3: count,
    /** Guardians' answers in the month to visits: confirmed, disputed. */
    confirmations: count,
    disputes: count,
    /** Contacts (phone, message, video call) made in the month. */
    contacts: count,
    /** Concern reports received in the month, and closed in the month. */
    concernsReceived: count,
    concernsClosed: count,
    /** Difficult cases (R6) still open at the month's end. */
    escalationsOpen: count,
    /** R5: group activities held in the month for the region's children; reports computed before R5 was counted read 0. */
    activitiesHeld: count.default(0),
  })
  .strict();
export type MonthlyFigures = z.infer<typeof monthlyFiguresSchema>;
export type MonthlyFigure = keyof MonthlyFigures;

export const monthlyFigureKeys = Object.keys(monthlyFiguresSchema.shape) as MonthlyFigure[];

/** Chinese headers, in the order of the 走访情况月度汇报表 (exports and dashboard). */
export const monthlyFigureNames: Record<MonthlyFigure, string> = {
  childrenServed: '服务儿童数',
  riskRed: '红色风险',
  riskYellow: '黄色风险',
  riskGreen: '绿色风险',
  visitsDue: '应走访次数',
  visitsDone: '已走访次数',
  visitsOnTime: '按时走访',
  visitsLate: '逾期走访',
  visitsMissing: '未走访',
  visitsMeetingR3: '符合走访要求',
  confirmations: '监护人确认',
  disputes: '监护人异议',
  contacts: '电话/视频联系',
  concernsReceived: '收到线索',
  concernsClosed: '办结线索',
  escalationsOpen: '在办疑难个案',
  activitiesHeld: '举办集体活动',
};

export function emptyFigures(): MonthlyFigures {
  return Object.fromEntries(monthlyFigureKeys.map((key) => [key, 0])) as MonthlyFigures;
}

/** A region's figures from its parts': every figure is a count, so the level above is the plain sum. */
export function sumFigures(parts: readonly MonthlyFigures[]): MonthlyFigures {
  const total = emptyFigures();
  for (const part of parts) for (const key of monthlyFigureKeys) total[key] += part[key];
  return total;
}

/** One region's report for one month, as the roll-up stores it (recomputing replaces it). */
export const monthlyReportSchema = z
  .object({
    month: monthSchema,
    regionId: z.string().min(1),
    level: regionLevelSchema,
    /** The region above (null for a city): what lists a town's villages or a district's towns in one query. */
    parentId: z.string().min(1).nullable(),
    figures: monthlyFiguresSchema,
    computedAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type MonthlyReport = z.infer<typeof monthlyReportSchema>;

/** The month before the one containing `date` (YYYY-MM-DD): what the roll-up on the 1st reports on. */
export function monthBefore(date: string): Month {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}
