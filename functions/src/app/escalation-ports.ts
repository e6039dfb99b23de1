import type { AuditRepository, ConcernRepository, EscalationRepository, RecordReader } from '../store/ports.js';
import type { Basics } from './ports.js';

/** Ids of difficult cases: the same raiser and Idempotency-Key give the same id, so a case sent twice is one case. */
export interface EscalationKeys {
  escalationIdFor(userId: string, idempotencyKey: string): string;
}

/** The ports of the difficult-case use cases (issue 8, R6): only what each uses. */
type Reads = { records: RecordReader };

export type RaiseEscalationPorts = Basics & Reads & { escalations: Pick<EscalationRepository, 'create' | 'get'>; escalationKeys: EscalationKeys };
export type ReadEscalationPorts = Basics & Reads & { escalations: Pick<EscalationRepository, 'get'>; audit: Pick<AuditRepository, 'record'> };
export type StepEscalationPorts = Basics & Reads & { escalations: Pick<EscalationRepository, 'get' | 'update'> };
export type ListEscalationsPorts = Basics & Reads & { escalations: Pick<EscalationRepository, 'listQueue' | 'listOverdueBelow'> };
export type ChildEscalationsPorts = Basics & Reads & { escalations: Pick<EscalationRepository, 'listOfChild'>; audit: Pick<AuditRepository, 'record'> };

/**
 * A fired deadline, handled by the system: reads and writes by key only (the consumer function may get and put
 * items, nothing more).
 */
export type ActOnDeadlinePorts = Basics & {
  escalations: Pick<EscalationRepository, 'get' | 'update'>;
  concerns: Pick<ConcernRepository, 'get' | 'update'>;
};
