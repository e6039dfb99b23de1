import type { PledgeSignature } from '../domain/pledge.js';
import type { User } from '../domain/user.js';
import type { DomainEvent } from '../events/domain-events.js';

/** One signing, as the use case decided it: the record, the user as it becomes, the version it was read at, events. */
export interface SignPledgeWrite {
  signature: PledgeSignature;
  /** The user with `pledgeVersion` and `pledgeSignedAt` set and `version` raised by one. */
  user: User;
  events: DomainEvent[];
}

/**
 * A record as read. One whose fields no longer fit the schema (a value of the wrong type written by hand) was
 * tampered with as surely as one whose seal fails: it is returned as such, not thrown, so the reader says 记录异常.
 */
export type StoredSignature = { wellFormed: true; signature: PledgeSignature } | { wellFormed: false };

/** R8, issue 11: the signed pledges; the adapter is pledge-signatures.ts. */
export interface PledgeSignatures {
  /** The stored record as it is in the table (the reader verifies its seal), or null when none. */
  get(userId: string, version: string): Promise<StoredSignature | null>;
  /**
   * Writes the record (only if none exists for this user and version), the user (only if still at `user.version - 1`)
   * and the events in one transaction. 'alreadySigned' when a record of this user and version exists (a retry or a
   * second tab): nothing is written. VersionConflictError when the user changed meanwhile.
   */
  sign(write: SignPledgeWrite): Promise<'signed' | 'alreadySigned'>;
}
