import type { Activity, SignUp } from '../domain/activity.js';
import type { RegionTally } from '../domain/activity-counts.js';
import type { DomainEvent } from '../events/domain-events.js';

/** What a sign-up's transaction found: a place taken now, the same person's earlier sign-up, or no place to take. */
export type SignUpOutcome = { kind: 'added'; signUp: SignUp } | { kind: 'existing'; signUp: SignUp } | { kind: 'full' } | { kind: 'closed' };

/** R5's group activities and their sign-ups; the adapter is activities.ts. */
export interface ActivityRepository {
  get(activityId: string): Promise<Activity | null>;
  /** Every sign-up of the activity, read consistently (at most its capacity). */
  listSignUps(activityId: string): Promise<SignUp[]>;
  /** The organization's activities whose Beijing date is within [from, to] (YYYY-MM-DD), earliest first. */
  listOfOrganization(organizationId: string, from: string, to: string): Promise<Activity[]>;
  /** The activities for the children of a town or its villages, dated within [from, to], earliest first. */
  listInTown(townId: string, from: string, to: string): Promise<Activity[]>;
  /** AlreadyExistsError on a taken id. */
  create(activity: Activity, events: readonly DomainEvent[]): Promise<void>;
  /**
   * Replaces what the organizer controls (not the places taken) if the stored version is still `expectedVersion` and
   * no more places are taken than `next.capacity`, else VersionConflictError; with the events and the counters'
   * tallies in the same transaction.
   */
  replace(next: Activity, expectedVersion: number, events: readonly DomainEvent[], tallies?: readonly RegionTally[]): Promise<void>;
  /**
   * Takes a place in one transaction: the sign-up (only if this person or child has none), the places taken (only while
   * the activity is planned and under capacity) and the events. Concurrent sign-ups never take more than the capacity.
   */
  signUp(signUp: SignUp, events: readonly DomainEvent[]): Promise<SignUpOutcome>;
  /** Gives the place back while the activity is planned; false when there was no such sign-up. */
  cancelSignUp(activityId: string, signUpId: string, events: readonly DomainEvent[]): Promise<boolean>;
}
