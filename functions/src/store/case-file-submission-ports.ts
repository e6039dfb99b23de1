import type { AuditEntry } from '../domain/audit.js';
import type { CaseFileSubmission } from '../domain/case-file-submission.js';

/** R7, issue 12: the children's files sent to the district; the adapter is case-file-submissions.ts. */
export interface CaseFileSubmissions {
  /**
   * Stores the submission with its audit entry in one transaction, only if this child's file of that year was not
   * sent yet; AlreadyExistsError when it was.
   */
  record(submission: CaseFileSubmission, audit: AuditEntry): Promise<void>;
  /** Every submission of the district's year (one partition; a district has a few thousand children at most). */
  listOfYear(districtId: string, year: number): Promise<CaseFileSubmission[]>;
}
