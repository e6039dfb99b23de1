import type { Assessments, AuditRepository, CasePlans, RecordReader } from '../store/ports.js';
import type { Basics } from './ports.js';

/** What the case's use cases need (issue 12 parts 2 and 3): the batch reader, the case store, the audit, the clock and ids. */
export type CasePlanPorts = Basics & {
  records: RecordReader;
  casePlans: CasePlans;
  /** R2: the assessment a plan names must be the child's. */
  assessments: Pick<Assessments, 'get'>;
  audit: Pick<AuditRepository, 'record'>;
};
