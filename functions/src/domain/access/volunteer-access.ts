import type { Actor } from '../user.js';

/**
 * Issue 11 part 2: who reviews volunteers' applications. Only the admin of the organization the applicant chose:
 * another organization's admin is not related (the application does not exist for them), any other role cannot.
 */
export type VolunteerReviewDecision = { allowed: true } | { allowed: false; denial: 'roleCannot' | 'notRelated' };

/** The organization whose applications the actor reviews, or null when the actor reviews none. */
export function reviewedOrganizationOf(actor: Actor): string | null {
  return actor.role === 'orgAdmin' && actor.organizationId !== null ? actor.organizationId : null;
}

export function decideVolunteerReview(actor: Actor, application: { organizationId: string }): VolunteerReviewDecision {
  const organizationId = reviewedOrganizationOf(actor);
  if (organizationId === null) return { allowed: false, denial: 'roleCannot' };
  if (organizationId !== application.organizationId) return { allowed: false, denial: 'notRelated' };
  return { allowed: true };
}
