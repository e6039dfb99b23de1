import type { Month, MonthlyFigures } from '../domain/monthly-report.js';
import type { Region, RegionLevel } from '../domain/region.js';
import { isSubmittingLevel, submissionDeadline, type ReportSubmission } from '../domain/report-submission.js';

/** A submission as the dashboard shows it: who sent it and when, and whether late; never the sender's id. */
export interface SubmissionView {
  submittedAt: string;
  submittedByName: string;
  late: boolean;
}

/** Whether a region sends its report up, and by when; and whether it did. */
export interface SubmissionStatus {
  /** False for a village (its town reports for it) and a city (the top). */
  submits: boolean;
  deadline: string | null;
  submission: SubmissionView | null;
}

export interface ReportPartView extends SubmissionStatus {
  regionId: string;
  name: string;
  level: RegionLevel;
  /** Null when the roll-up wrote no report for the part that month. */
  figures: MonthlyFigures | null;
}

export interface MonthlyReportView extends SubmissionStatus {
  region: { id: string; name: string; level: RegionLevel };
  month: Month;
  /** Null until the roll-up of the month has run. */
  figures: MonthlyFigures | null;
  computedAt: string | null;
  /** Whether this reader is the one who sends it (the town's supervisor, the district's officer). */
  canSubmit: boolean;
  parts: ReportPartView[];
  /**
   * R9, on a district's report once the month is rolled up: its organizations without service in the month nor in
   * the month before (服务机构提醒); empty otherwise.
   */
  idleOrganizations: { id: string; name: string }[];
}

export function submissionViewOf(submission: ReportSubmission | null | undefined): SubmissionView | null {
  if (!submission) return null;
  return { submittedAt: submission.submittedAt, submittedByName: submission.submittedBy.name, late: submission.late };
}

export function submissionStatusOf(region: Pick<Region, 'level'>, month: Month, submission: ReportSubmission | null | undefined): SubmissionStatus {
  if (!isSubmittingLevel(region.level)) return { submits: false, deadline: null, submission: null };
  return { submits: true, deadline: submissionDeadline(region.level, month), submission: submissionViewOf(submission) };
}
