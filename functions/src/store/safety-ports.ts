import type { SafetySession } from '../domain/safety-session.js';
import type { PhotoType } from '../domain/safety-photo.js';
import type { School } from '../domain/school.js';
import type { DomainEvent } from '../events/domain-events.js';

/** A photo as stored: its type (from its magic bytes) and its bytes. */
export interface StoredPhoto {
  type: PhotoType;
  bytes: Uint8Array;
}

/** R12's sessions (adapter: safety-sessions.ts). */
export interface SafetySessions {
  get(sessionId: string): Promise<SafetySession | null>;
  /** Creates the session with its events in one transaction; AlreadyExistsError on a taken id. */
  plan(write: { session: SafetySession; events: DomainEvent[] }): Promise<void>;
  /**
   * Replaces the session if its stored version is still `next.version - 1` (else VersionConflictError), with its
   * photos (one item each) and its events, in one transaction.
   */
  change(write: { next: SafetySession; photos: StoredPhoto[]; events: DomainEvent[] }): Promise<void>;
  /** A town's sessions (its own, its villages', its schools') dated from `from` to `until`, by date: one query. */
  listInTown(townId: string, from: string, until: string): Promise<SafetySession[]>;
  photo(sessionId: string, index: number): Promise<StoredPhoto | null>;
}

/** Schools, under their towns (adapter: schools.ts). */
export interface Schools {
  get(schoolId: string): Promise<School | null>;
  /** Create-once: AlreadyExistsError on a taken id. */
  create(school: School): Promise<void>;
  listInTown(townId: string): Promise<School[]>;
}
