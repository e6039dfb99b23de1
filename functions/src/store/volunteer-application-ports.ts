import type { User } from '../domain/user.js';
import type { VolunteerApplication, VolunteerApplicationStatus } from '../domain/volunteer-application.js';
import type { DomainEvent } from '../events/domain-events.js';

/** Issue 11 part 2: volunteers' applications; the adapter is volunteer-applications.ts. */
export interface VolunteerApplications {
  get(id: string): Promise<VolunteerApplication | null>;
  /** The one application of this WeChat user, or null. */
  findByOpenId(openId: string): Promise<VolunteerApplication | null>;
  /**
   * Stores a new application with its events in one transaction; 'exists' (nothing written) when this WeChat user
   * applied before, whose application the caller then reads.
   */
  create(application: VolunteerApplication, events: readonly DomainEvent[]): Promise<'created' | 'exists'>;
  /** An organization's applications in one status, oldest applied first. */
  listOfOrganization(organizationId: string, status: VolunteerApplicationStatus, limit: number): Promise<VolunteerApplication[]>;
  /**
   * Stores the reviewed application over `previousVersion`, and for an approval the new account with its openid, and
   * the events, in one transaction. VersionConflictError when the application changed since it was read;
   * AlreadyExistsError when the openid is bound to an account meanwhile.
   */
  review(write: { previousVersion: number; next: VolunteerApplication; account: User | null; events: readonly DomainEvent[] }): Promise<void>;
}
