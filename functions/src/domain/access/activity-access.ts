import type { Activity } from '../activity.js';
import type { Actor } from '../user.js';
import { hasSignedPledgeIfRequired } from './child-access.js';
import type { AccessDecision } from './child-access.js';

/**
 * R5's group activities: who may do what (ARCHITECTURE.md, "Who may see what"; deny by default).
 * - the organization's admin and its social workers plan, edit, cancel and record attendance;
 * - the organization's volunteers see its planned activities and sign themselves up;
 * - guardians see the activities for their children's area and sign up a child of theirs;
 * - the district's officer reads each organization's R5 count; nobody else signs up.
 * R8: every sign-up and every organizer's act waits for the current pledge (a role that signs it).
 */
export type ActivityRole = 'organizer' | 'volunteer' | 'guardian' | 'none';

export function activityRoleOf(actor: Actor, organizationId: string): ActivityRole {
  const ofOrganization = actor.organizationId !== null && actor.organizationId === organizationId;
  if ((actor.role === 'orgAdmin' || actor.role === 'socialWorker') && ofOrganization) return 'organizer';
  if (actor.role === 'volunteer' && ofOrganization) return 'volunteer';
  if (actor.role === 'guardian') return 'guardian';
  return 'none';
}

/** Plan a new activity: the actor's own organization's organizers, after the pledge (R8). */
export function decidePlanActivity(actor: Actor): AccessDecision {
  if (actor.organizationId === null || activityRoleOf(actor, actor.organizationId) !== 'organizer') return { allowed: false, denial: 'roleCannot' };
  if (!hasSignedPledgeIfRequired(actor)) return { allowed: false, denial: 'pledgeMissing' };
  return { allowed: true };
}

/** Edit, cancel, record attendance, read the full sign-up list: the activity's organization's organizers. */
export function decideManageActivity(actor: Actor, activity: Pick<Activity, 'organizationId'>): AccessDecision {
  if (activityRoleOf(actor, activity.organizationId) !== 'organizer') return { allowed: false, denial: 'notRelated' };
  if (!hasSignedPledgeIfRequired(actor)) return { allowed: false, denial: 'pledgeMissing' };
  return { allowed: true };
}

/**
 * See the activity at all: its organization's people; a guardian only when it is for one of their children (the
 * caller says, having read them); a volunteer only while it is planned (the organization's open activities).
 */
export function maySeeActivity(actor: Actor, activity: Pick<Activity, 'organizationId' | 'status'>, forOwnChild: boolean): boolean {
  switch (activityRoleOf(actor, activity.organizationId)) {
    case 'organizer':
      return true;
    case 'volunteer':
      return activity.status !== 'cancelled';
    case 'guardian':
      return forOwnChild;
    case 'none':
      return false;
  }
}

/** Sign up (or cancel one's sign-up): a volunteer of the organization for themself, a guardian for their child; R8 first. */
export function decideSignUp(actor: Actor, activity: Pick<Activity, 'organizationId'>): AccessDecision {
  const role = activityRoleOf(actor, activity.organizationId);
  if (role !== 'volunteer' && role !== 'guardian') return { allowed: false, denial: 'roleCannot' };
  if (!hasSignedPledgeIfRequired(actor)) return { allowed: false, denial: 'pledgeMissing' };
  return { allowed: true };
}

/** R5's yearly count of a district's organizations: its officers; an organization's own: its admin. */
export function mayReadR5Count(actor: Actor, organization: { id: string; districtId: string }): boolean {
  if (actor.role === 'districtOfficer') return actor.scope?.level === 'district' && actor.scope.regionId === organization.districtId;
  return actor.role === 'orgAdmin' && actor.organizationId === organization.id;
}
