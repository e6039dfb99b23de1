import type { ApiCall } from './client';
import type { ExportFormat, MonthlyReportView, ReportYearView, SubmissionResult } from './report-types';

/** Issue 9, R4: a region's monthly report, its year, sending it up, and where its spreadsheet is downloaded from. */
export interface ReportsApi {
  monthlyReport(regionId: string, month: string): Promise<MonthlyReportView>;
  reportYear(regionId: string, year: number): Promise<ReportYearView>;
  /** 409 when the month was sent already or is not rolled up yet. */
  submitReport(regionId: string, month: string): Promise<SubmissionResult>;
}

function monthPath(regionId: string, month: string, rest = ''): string {
  return `/reports/${encodeURIComponent(regionId)}/months/${encodeURIComponent(month)}${rest}`;
}

/** The export's path under the API prefix; the download itself is the platform's (platform/download-report). */
export function reportExportPath(regionId: string, month: string, format: ExportFormat): string {
  return monthPath(regionId, month, `/export?format=${format}`);
}

export function reportCalls(send: ApiCall): ReportsApi {
  return {
    monthlyReport: (regionId, month) => send({ method: 'GET', path: monthPath(regionId, month) }),
    reportYear: (regionId, year) => send({ method: 'GET', path: `/reports/${encodeURIComponent(regionId)}/years/${year}` }),
    submitReport: (regionId, month) => send({ method: 'POST', path: monthPath(regionId, month, '/submission') }),
  };
}
