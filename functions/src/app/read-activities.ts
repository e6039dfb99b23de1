import { isForChild, r5StandingOf, type Activity, type R5Standing } from '../domain/activity.js';
import { activityRoleOf, mayReadR5Count } from '../domain/access/activity-access.js';
import { ForbiddenError } from '../domain/errors.js';
import { shanghaiDate } from '../domain/time.js';
import type { Actor } from '../domain/user.js';
import { loadActivity, ownChildrenOf } from './activity-guards.js';
import type { ActivityPorts, Reader } from './activity-ports.js';
import { summaryOf, viewOf, type ActivitySummary, type ActivityView } from './activity-views.js';

/** How far a list looks: the organizer's back over the year, everyone's ahead a season. */
const DAYS_AHEAD = 180;
const dayOffset = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export interface ActivityList {
  items: ActivitySummary[];
  /** Whether the reader plans activities (新建). */
  canPlan: boolean;
}

/**
 * The activities a reader sees: an organizer all of the organization's, from the year's start on; a volunteer the
 * organization's still open; a guardian the open ones for their children's area. Anyone else none.
 */
export async function listActivities(ports: ActivityPorts, actor: Actor): Promise<ActivityList> {
  const today = shanghaiDate(ports.clock());
  const until = dayOffset(today, DAYS_AHEAD);
  const role = actor.organizationId === null ? activityRoleOf(actor, '') : activityRoleOf(actor, actor.organizationId);
  let activities: Activity[] = [];
  if (role === 'organizer') {
    activities = (await ports.activities.listOfOrganization(actor.organizationId!, `${today.slice(0, 4)}-01-01`, until)).reverse();
  } else if (role === 'volunteer') {
    activities = (await ports.activities.listOfOrganization(actor.organizationId!, today, until)).filter((activity) => activity.status === 'planned');
  } else if (role === 'guardian') {
    const children = await ownChildrenOf(ports, actor);
    const towns = [...new Set(children.map((child) => child.region.townId))];
    const found = (await Promise.all(towns.map((townId) => ports.activities.listInTown(townId, today, until)))).flat();
    activities = found.filter((activity) => activity.status === 'planned' && children.some((child) => isForChild(activity, child)));
    activities.sort((a, b) => `${a.date}${a.time}`.localeCompare(`${b.date}${b.time}`));
  }
  return { items: activities.map(summaryOf), canPlan: role === 'organizer' };
}

export async function readActivity(ports: ActivityPorts, actor: Reader, activityId: string): Promise<ActivityView> {
  const { activity, role, eligibleChildren } = await loadActivity(ports, actor, activityId);
  return viewOf(activity, { actor, role, eligibleChildren }, await ports.activities.listSignUps(activityId), ports.clock());
}

export interface OrganizationR5 extends R5Standing {
  organizationId: string;
  name: string;
}

/**
 * R5's yearly count: each organization of the district (its officer) or the admin's own organization, held activities
 * of the Beijing year against the minimum, flagged when short of it in the year's last quarter.
 */
export async function readR5Standings(ports: ActivityPorts, actor: Actor): Promise<{ year: number; organizations: OrganizationR5[] }> {
  const now = ports.clock();
  const year = shanghaiDate(now).slice(0, 4);
  let organizations: { id: string; name: string; districtId: string }[] = [];
  if (actor.role === 'districtOfficer' && actor.scope?.level === 'district') organizations = await ports.organizations.listInDistrict(actor.scope.regionId);
  else if (actor.role === 'orgAdmin' && actor.organizationId) {
    const own = await ports.organizations.get(actor.organizationId);
    organizations = own ? [own] : [];
  }
  const readable = organizations.filter((organization) => mayReadR5Count(actor, organization));
  if (readable.length === 0 && actor.role !== 'districtOfficer') throw new ForbiddenError('只有区民政局和机构管理员可以查看集体活动年度统计').refusing({ action: 'request', reason: 'roleCannot' });
  const standings = await Promise.all(
    readable.map(async (organization) => {
      const activities = await ports.activities.listOfOrganization(organization.id, `${year}-01-01`, `${year}-12-31`);
      return { organizationId: organization.id, name: organization.name, ...r5StandingOf(activities, now) };
    }),
  );
  standings.sort((a, b) => Number(b.behind) - Number(a.behind) || a.held - b.held || a.name.localeCompare(b.name, 'zh'));
  return { year: Number(year), organizations: standings };
}
