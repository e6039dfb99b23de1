import type { AuditEntry } from '../domain/audit.js';
import type { Concern } from '../domain/concern.js';
import type { DomainEvent } from '../events/domain-events.js';

export interface NewConcernWrite {
  concern: Concern;
  /** SHA-256 of the tracking code given to the reporter; null when the reporter follows it from their account. */
  trackingHash: string | null;
  audit: AuditEntry | null;
  events: DomainEvent[];
}

export interface ConcernChange {
  /** The version the change was computed from: another step taken meanwhile is a VersionConflictError. */
  previousVersion: number;
  concern: Concern;
  audit: AuditEntry | null;
  events: DomainEvent[];
}

export type ConcernQueue = { level: 'village' | 'town'; regionId: string };

/** Concern reports (issue 8): one item each, in its village's and town's queues, with pointers from child and reporter. */
export interface ConcernRepository {
  /** In one transaction with its pointers, tracking hash and events; AlreadyExistsError when the id is taken. */
  create(write: NewConcernWrite): Promise<void>;
  get(id: string): Promise<Concern | null>;
  findByTrackingHash(codeHash: string): Promise<Concern | null>;
  update(write: ConcernChange): Promise<void>;
  /** Open first, urgent first, then the longest waiting. */
  listQueue(queue: ConcernQueue, limit: number): Promise<Concern[]>;
  /** Newest first. */
  listOfChild(childId: string, limit: number): Promise<Concern[]>;
  listOfReporter(userId: string, limit: number): Promise<Concern[]>;
}
