import type { MonthlyFigures, MonthlyReportView, ReportPart, ReportYearView } from '../api/report-types';
import { formatDateTime, shanghaiDateOf } from './beijing-time';

/** The month before the one `now` falls in (Beijing): what the dashboard opens on, the month last rolled up. */
export function lastMonthOf(now: Date): string {
  const [year, month] = shanghaiDateOf(now).split('-').map(Number) as [number, number];
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** 2026-10 → 2026年10月 */
export function monthLabel(month: string): string {
  const [year, number] = month.split('-');
  return `${year}年${Number(number)}月`;
}

/** A deadline at 00:00 Beijing, said as the day it ends: 2026-11-16T00:00+08:00 → 11月15日24时. */
export function deadlineLabel(iso: string): string {
  const [, month, day] = shanghaiDateOf(new Date(new Date(iso).getTime() - 1)).split('-').map(Number);
  return `${month}月${day}日24时`;
}

export type SubmissionTone = 'done' | 'late' | 'missing' | 'none';

export interface SubmissionWords {
  /** 已提交 11月10日 10:00 · 沈志强, 逾期提交 …, 未提交 · 截止 11月15日24时, or '' for a village. */
  text: string;
  tone: SubmissionTone;
}

/** Whether a town or district sent its report, when and by whom, and whether late (shown in red when late or overdue). */
export function submissionWords(status: Pick<ReportPart, 'submits' | 'deadline' | 'submission'>, now: Date): SubmissionWords {
  if (!status.submits) return { text: '', tone: 'none' };
  const { submission, deadline } = status;
  if (submission !== null) {
    const text = `${submission.late ? '逾期提交' : '已提交'} ${formatDateTime(submission.submittedAt, now)} · ${submission.submittedByName}`;
    return { text, tone: submission.late ? 'late' : 'done' };
  }
  const overdue = deadline !== null && now.getTime() >= new Date(deadline).getTime();
  return { text: deadline ? `未提交 · ${overdue ? '已过' : ''}截止 ${deadlineLabel(deadline)}` : '未提交', tone: overdue ? 'late' : 'missing' };
}

/** 已走访 ÷ 应走访 as a whole percentage; null when nothing was due. */
export function completionRate(figures: MonthlyFigures | null): number | null {
  if (figures === null || figures.visitsDue === 0) return null;
  return Math.round((Math.min(figures.visitsDone, figures.visitsDue) / figures.visitsDue) * 100);
}

/** The figures the dashboard puts first, in the report's order. */
export const keyFigures = ['childrenServed', 'visitsDue', 'visitsDone', 'visitsLate', 'visitsMissing', 'disputes', 'concernsReceived', 'escalationsOpen'] as const;

/** R5 in the month's report, in plain words (activities held for the region's children, by the activity's date). */
export function activitiesSentence(figures: Pick<MonthlyFigures, 'activitiesHeld'>): string {
  return figures.activitiesHeld > 0 ? `本月举办集体活动 ${figures.activitiesHeld} 次` : '本月没有举办集体活动';
}

export function nameOf(view: Pick<MonthlyReportView, 'figureNames'>, key: string): string {
  return view.figureNames.find((figure) => figure.key === key)?.name ?? key;
}

/** The bar chart's rows: each part's visits due and done, with the Chinese series names. */
export function visitBars(view: MonthlyReportView): { name: string; series: string; value: number }[] {
  const due = nameOf(view, 'visitsDue');
  const done = nameOf(view, 'visitsDone');
  return view.parts.flatMap((part) =>
    part.figures === null ? [] : [
      { name: part.name, series: due, value: part.figures.visitsDue },
      { name: part.name, series: done, value: part.figures.visitsDone },
    ],
  );
}

/**
 * The year chart's rows (赛马比拼): each part's completion rate in each month that has a report, up to `lastComplete`
 * (YYYY-MM). The month under way has a report too (the roll-up may run for it), but its visits are still being made:
 * drawn beside finished months it would read as a collapse.
 */
export function yearLines(year: ReportYearView, lastComplete: string): { month: string; name: string; rate: number }[] {
  const finished = (index: number) => `${year.year}-${String(index + 1).padStart(2, '0')}` <= lastComplete;
  return year.parts.flatMap((part) =>
    part.figures.flatMap((figures, index) => {
      const rate = completionRate(figures);
      return rate === null || !finished(index) ? [] : [{ month: `${index + 1}月`, name: part.name, rate }];
    }),
  );
}

/** 1/2 个镇（街道）已提交, for the district's and the city's view of their parts. */
export function submittedCount(view: MonthlyReportView): string | null {
  const submitting = view.parts.filter((part) => part.submits);
  if (submitting.length === 0) return null;
  const level = submitting[0]!.level === 'town' ? '镇（街道）' : '区';
  return `${submitting.filter((part) => part.submission !== null).length}/${submitting.length} 个${level}已提交`;
}

/** Who reads the monthly report (the server decides; this only shows the way): the posts that oversee a region. */
export function readsMonthlyReports(user: { role: string; scope: { level: string } | null }): boolean {
  const level = ({ supervisor: 'town', districtOfficer: 'district', cityOfficer: 'city' } as Record<string, string>)[user.role];
  return level !== undefined && user.scope?.level === level;
}

/** R24: the quarter a month is in: 2026-11 → 2026-Q4. */
export function quarterOfMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return `${year}-Q${Math.ceil(number / 3)}`;
}

/** 2026-Q4 → 2026年第四季度 */
export function quarterLabel(quarter: string): string {
  return `${quarter.slice(0, 4)}年第${['一', '二', '三', '四'][Number(quarter.slice(6)) - 1]}季度`;
}
