import type { Clock } from '../domain/time.js';
import type { AuditRepository, RecordReader } from '../store/ports.js';

/**
 * The ports each use case takes (ARCHITECTURE.md, "Use cases, events and jobs"): only what it uses, never the
 * whole app's dependencies, the session secret or the WeChat configuration. The repositories are the store's ports;
 * the composition root hands over the DynamoDB adapters.
 */
export interface Basics {
  clock: Clock;
  newId: () => string;
}

export type ReadChildPorts = Basics & { records: RecordReader; audit: Pick<AuditRepository, 'record'> };
