import type { AuditRepository, ConcernRepository, RecordReader } from '../store/ports.js';
import type { Basics } from './ports.js';

/** Ids of reports and the codes reporters follow them with: hashes under the server's key (compose/concern-keys.ts). */
export interface ConcernKeys {
  /** The same sender and Idempotency-Key give the same id, so a report sent twice is one concern. */
  concernIdFor(origin: string, idempotencyKey: string): string;
  codeFor(concernId: string): string;
  /** Of a code in its canonical form (normaliseTrackingCode). */
  hashOf(code: string): string;
}

/** The ports of the concern use cases (issue 8): only what each uses. */
type Reads = { records: RecordReader };

export type ReportConcernPorts = Basics & Reads & { concerns: Pick<ConcernRepository, 'create' | 'get'>; concernKeys: Pick<ConcernKeys, 'concernIdFor'> };
export type ReportPublicConcernPorts = ReportConcernPorts & { concernKeys: ConcernKeys };
export type ConcernStatusPorts = { concerns: Pick<ConcernRepository, 'findByTrackingHash'>; concernKeys: Pick<ConcernKeys, 'hashOf'> };
export type StepConcernPorts = Basics & Reads & { concerns: Pick<ConcernRepository, 'get' | 'update'> };
export type ReadConcernPorts = Basics & Reads & {
  concerns: Pick<ConcernRepository, 'get'>;
  audit: Pick<AuditRepository, 'record'>;
};
export type ListConcernsPorts = Reads & {
  concerns: Pick<ConcernRepository, 'listQueue' | 'listOfReporter'>;
  regions: { listChildrenOf(parentId: string): Promise<{ id: string; level: string }[]> };
};
