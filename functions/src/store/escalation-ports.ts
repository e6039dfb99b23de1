import type { AuditEntry } from '../domain/audit.js';
import type { Escalation } from '../domain/escalation.js';
import type { EscalationLevel } from '../domain/escalation-levels.js';
import type { DomainEvent } from '../events/domain-events.js';

export interface NewEscalationWrite {
  escalation: Escalation;
  audit: AuditEntry;
  events: DomainEvent[];
}

export interface EscalationChange {
  /** The version the change was computed from: another step taken meanwhile is a VersionConflictError. */
  previousVersion: number;
  escalation: Escalation;
  /** Null for what the product does itself (an overdue mark). */
  audit: AuditEntry | null;
  events: DomainEvent[];
}

/** One level's area: a town, a district or a city. */
export interface EscalationQueue {
  level: EscalationLevel;
  regionId: string;
}

/** Difficult cases (issue 8, R6): one item each, in the queue of the level that holds it, with a pointer from the child. */
export interface EscalationRepository {
  /** With the child's pointer, the audit entry and the events, in one transaction; AlreadyExistsError on a taken id. */
  create(write: NewEscalationWrite): Promise<void>;
  get(id: string): Promise<Escalation | null>;
  update(write: EscalationChange): Promise<void>;
  /** The cases the level holds: open first, urgent first, then the earliest deadline. */
  listQueue(queue: EscalationQueue, limit: number): Promise<Escalation[]>;
  /** Cases of the area not acknowledged at the level below whose deadline is `before` or earlier, earliest first. */
  listOverdueBelow(queue: EscalationQueue, before: Date, limit: number): Promise<Escalation[]>;
  /** The child's cases, newest first. */
  listOfChild(childId: string, limit: number): Promise<Escalation[]>;
}
