import type { MonthlyReportView } from '../../app/monthly-report-views.js';
import { monthlyFigureKeys, monthlyFigureNames, sumFigures, type MonthlyFigures } from '../../domain/monthly-report.js';
import { shanghaiDate } from '../../domain/time.js';

export const REPORT_TITLE = '走访情况月度汇报表';

const partLevelNames = { city: '市', district: '区', town: '镇（街道）', village: '村（居）' } as const;

/** Beijing date and minute of an instant, as a cadre reads it (2026-11-15 09:30). */
export function beijingMinute(iso: string): string {
  const instant = new Date(iso);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false }).format(instant);
  return `${shanghaiDate(instant)} ${time}`;
}

function submissionCell(part: MonthlyReportView['parts'][number]): string {
  if (!part.submits) return '';
  if (part.submission === null) return '未提交';
  return `${part.submission.late ? '逾期提交' : '已提交'} ${beijingMinute(part.submission.submittedAt)} ${part.submission.submittedByName}`;
}

/**
 * The 走访情况月度汇报表 as rows of cells, shared by the spreadsheet and the CSV: one row per part (village, town or
 * district), then 合计, with the Chinese headers of the contract in its order.
 */
export interface ReportTable {
  title: string;
  /** 松江区 2026年10月 */
  subtitle: string;
  /** 状态 line: whether the region itself sent its report, when and how late. */
  status: string;
  headers: string[];
  rows: (string | number)[][];
  total: (string | number)[];
}

export function reportTableOf(view: MonthlyReportView): ReportTable {
  const [year, month] = view.month.split('-');
  const showsSubmission = view.parts.some((part) => part.submits);
  const figuresRow = (figures: MonthlyFigures | null) => monthlyFigureKeys.map((key) => figures?.[key] ?? '');
  const own = view.submission === null ? (view.submits ? '未提交' : '') : `${view.submission.late ? '逾期提交' : '已提交'}：${beijingMinute(view.submission.submittedAt)}，${view.submission.submittedByName}`;
  return {
    title: REPORT_TITLE,
    subtitle: `${view.region.name}  ${year}年${Number(month)}月`,
    status: [own, view.computedAt ? `数据汇总于 ${beijingMinute(view.computedAt)}` : '尚未汇总'].filter(Boolean).join('；'),
    headers: [partLevelNames[view.parts[0]?.level ?? 'village'], ...monthlyFigureKeys.map((key) => monthlyFigureNames[key]), ...(showsSubmission ? ['提交情况'] : [])],
    rows: view.parts.map((part) => [part.name, ...figuresRow(part.figures), ...(showsSubmission ? [submissionCell(part)] : [])]),
    total: ['合计', ...figuresRow(view.figures ?? sumFigures(view.parts.flatMap((part) => (part.figures ? [part.figures] : [])))), ...(showsSubmission ? [''] : [])],
  };
}

export function exportFileName(view: Pick<MonthlyReportView, 'region' | 'month'>, extension: 'xlsx' | 'csv'): string {
  return `${REPORT_TITLE}-${view.region.name}-${view.month}.${extension}`;
}
