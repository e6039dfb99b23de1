import type { AuditEntry } from '../domain/audit.js';
import type { Month } from '../domain/monthly-report.js';
import type { ReportSubmission } from '../domain/report-submission.js';

/** R4's submissions of monthly reports, one per region and month; the adapter is report-submissions.ts. */
export interface ReportSubmissions {
  /** Stores the submission with its audit entry in one transaction; AlreadyExistsError when the month was sent already. */
  create(submission: ReportSubmission, audit: AuditEntry): Promise<void>;
  get(regionId: string, month: Month): Promise<ReportSubmission | null>;
  /** The submissions of the month sent to `parentId` (a district's towns', a city's districts'). */
  listTo(parentId: string, month: Month): Promise<ReportSubmission[]>;
}
