import type { Activity, ActivityArea } from '../domain/activity.js';
import { isForChild } from '../domain/activity.js';
import { activityRoleOf, maySeeActivity, type ActivityRole } from '../domain/access/activity-access.js';
import type { AccessDecision } from '../domain/access/child-access.js';
import type { Child } from '../domain/child.js';
import { ForbiddenError, NotFoundError, PledgeRequiredError, RuleViolationError } from '../domain/errors.js';
import type { Actor } from '../domain/user.js';
import type { ActivityRepository, ChildRepository, RecordReader } from '../store/ports.js';

/** A guardian has a handful of children; one page holds them all. */
const GUARDIAN_CHILDREN_LIMIT = 50;

/** The guardian's own children (none for any other role): one query of their memberships. */
export async function ownChildrenOf(ports: { children: Pick<ChildRepository, 'list'> }, actor: Actor): Promise<Child[]> {
  if (actor.role !== 'guardian') return [];
  const page = await ports.children.list({ kind: 'guardian', userId: actor.id }, { limit: GUARDIAN_CHILDREN_LIMIT });
  return page.items.filter((child) => child.status !== 'closed');
}

export interface SeenActivity {
  activity: Activity;
  role: ActivityRole;
  /** A guardian's children the activity is for. */
  eligibleChildren: Child[];
}

/** The activity as this actor may see it; 404 for one they may not know of (no existence leak). */
export async function loadActivity(
  ports: { activities: Pick<ActivityRepository, 'get'>; children: Pick<ChildRepository, 'list'> },
  actor: Actor,
  activityId: string,
): Promise<SeenActivity> {
  const activity = await ports.activities.get(activityId);
  if (activity === null) throw new NotFoundError('未找到该活动', 'activityId');
  const eligibleChildren = (await ownChildrenOf(ports, actor)).filter((child) => isForChild(activity, child));
  if (!maySeeActivity(actor, activity, eligibleChildren.length > 0)) throw new NotFoundError('未找到该活动', 'activityId');
  return { activity, role: activityRoleOf(actor, activity.organizationId), eligibleChildren };
}

/** Turns a refusal of the access policy into its error: R8's own, or a plain 403. */
export function enforce(decision: AccessDecision, message: string): void {
  if (decision.allowed) return;
  if (decision.denial === 'pledgeMissing') throw new PledgeRequiredError();
  throw new ForbiddenError(message).refusing({ action: 'request', reason: decision.denial });
}

/** The town or village of the organization's district the activity is for (R5: its district's children). */
export async function resolveArea(ports: { records: RecordReader }, areaId: string, districtId: string): Promise<ActivityArea> {
  const region = (await ports.records.read({ regions: [areaId] })).regions.get(areaId);
  const notInDistrict = new RuleViolationError('活动对象须为本机构所在区的镇（街道）或村（居）', 'areaId');
  if (region === undefined || (region.level !== 'town' && region.level !== 'village')) throw notInDistrict;
  const town = region.level === 'town' ? region : (await ports.records.read({ regions: [region.parentId!] })).regions.get(region.parentId!);
  if (town === undefined || town.parentId !== districtId) throw notInDistrict;
  return { level: region.level, regionId: region.id, name: region.name, districtId, townId: town.id };
}
