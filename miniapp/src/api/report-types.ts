/**
 * Issue 9's monthly reports (R4) as the API answers them, from its zod schemas (`import type` only, like types.ts:
 * nothing of zod reaches the bundle).
 */
import type { z } from 'zod';
import type { monthlyReportViewSchema, reportYearViewSchema, submissionResultSchema } from '../../../functions/src/api/report-schemas';
import type { MonthlyFigure, MonthlyFigures } from '../../../functions/src/domain/monthly-report';
import type { quarterlyDispatchViewSchema } from '../../../functions/src/api/dispatch-schemas';
import type { SaveDispatchInput } from '../../../functions/src/domain/quarterly-dispatch';

export type { MonthlyFigure, MonthlyFigures };
export type MonthlyReportView = z.infer<typeof monthlyReportViewSchema>;
export type ReportPart = MonthlyReportView['parts'][number];
export type ReportYearView = z.infer<typeof reportYearViewSchema>;
export type SubmissionResult = z.infer<typeof submissionResultSchema>;
export type ExportFormat = 'xlsx' | 'csv';
/** R24: a town's 季度工作简报, and what a save sends. */
export type QuarterlyDispatchView = z.infer<typeof quarterlyDispatchViewSchema>;
export type { SaveDispatchInput };
