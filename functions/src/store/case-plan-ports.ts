import type { AuditEntry } from '../domain/audit.js';
import type { CaseClosing, CasePlan, HandbookRecord, PlanReview, StateGuardianship } from '../domain/case-plan.js';
import type { Child } from '../domain/child.js';
import type { DomainEvent } from '../events/domain-events.js';
import type { ObligationUpdate } from './ports.js';

/** Everything of one child's case as stored (issue 12 parts 2 and 3). */
export interface CaseRecords {
  plan: CasePlan | null;
  /** Every saved version of the plan, oldest first (the current one last). */
  planHistory: CasePlan[];
  /** Oldest first. */
  reviews: PlanReview[];
  closing: CaseClosing | null;
  handbook: HandbookRecord | null;
  stateGuardianship: StateGuardianship | null;
}

/**
 * One step of the case in one transaction: the case items, the child when its case deadlines moved (with its
 * obligations), the audit entry and the events. The plan and the state-guardianship record are guarded by their
 * version (VersionConflictError), a review and the handbook are insert-only (AlreadyExistsError); a child or
 * obligations that moved since they were read give StaleStateError, for the use case to read again.
 */
export interface CaseChange {
  childId: string;
  plan?: { next: CasePlan; keepHistory: boolean };
  review?: PlanReview;
  closing?: CaseClosing;
  handbook?: HandbookRecord;
  stateGuardianship?: StateGuardianship;
  child?: { previous: Child; next: Child; obligations: ObligationUpdate };
  audit: AuditEntry;
  events: DomainEvent[];
}

export interface CasePlans {
  read(childId: string): Promise<CaseRecords>;
  write(change: CaseChange): Promise<void>;
}
