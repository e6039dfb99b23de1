import type { ApiCall } from './client';
import type { ExportFormat, MonthlyReportView, QuarterlyDispatchView, ReportYearView, SaveDispatchInput, SubmissionResult } from './report-types';

/** Issue 9, R4: a region's monthly report, its year, sending it up, and where its spreadsheet is downloaded from. */
export interface ReportsApi {
  monthlyReport(regionId: string, month: string): Promise<MonthlyReportView>;
  reportYear(regionId: string, year: number): Promise<ReportYearView>;
  /** 409 when the month was sent already or is not rolled up yet. */
  submitReport(regionId: string, month: string): Promise<SubmissionResult>;
  /** R24: a town's quarterly dispatch (quarter YYYY-Qn). */
  quarterlyDispatch(townId: string, quarter: string): Promise<QuarterlyDispatchView>;
  /** 409 when someone saved it since `input.version` was read. */
  saveQuarterlyDispatch(townId: string, quarter: string, input: SaveDispatchInput): Promise<QuarterlyDispatchView>;
}

function dispatchPath(townId: string, quarter: string): string {
  return `/dispatches/${encodeURIComponent(townId)}/${encodeURIComponent(quarter)}`;
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
    quarterlyDispatch: (townId, quarter) => send({ method: 'GET', path: dispatchPath(townId, quarter) }),
    saveQuarterlyDispatch: (townId, quarter, input) => send({ method: 'PUT', path: dispatchPath(townId, quarter), body: input }),
  };
}
