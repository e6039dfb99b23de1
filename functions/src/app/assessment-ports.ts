import type { Assessments, AuditRepository, ChildRepository, RecordReader } from '../store/ports.js';
import type { Basics } from './ports.js';

/** Assessment ids: the same recorder and Idempotency-Key give the same id, so an assessment sent twice is one. */
export interface AssessmentKeys {
  assessmentIdFor(userId: string, idempotencyKey: string): string;
}

/** The ports of the guardianship-assessment use cases (issue 12, R18): only what each uses. */
type Reads = { records: RecordReader };

export type RecordAssessmentPorts = Basics &
  Reads & { children: Pick<ChildRepository, 'update'>; assessments: Pick<Assessments, 'get' | 'listOfChild'>; assessmentKeys: AssessmentKeys };
export type OverrideRiskPorts = Basics & Reads & { children: Pick<ChildRepository, 'update'> };
export type ReadAssessmentsPorts = Basics & Reads & { assessments: Pick<Assessments, 'get' | 'listOfChild'>; audit: Pick<AuditRepository, 'record'> };
