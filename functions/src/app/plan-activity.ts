import { activitySchema, type Activity, type ActivityPlan, type EditActivityInput } from '../domain/activity.js';
import { decideManageActivity, decidePlanActivity } from '../domain/access/activity-access.js';
import { RuleViolationError, VersionConflictError } from '../domain/errors.js';
import { shanghaiDate } from '../domain/time.js';
import { newEvent } from '../events/domain-events.js';
import { enforce, loadActivity, resolveArea } from './activity-guards.js';
import type { ActivityPorts, Reader } from './activity-ports.js';
import { viewOf, type ActivityView } from './activity-views.js';

const notInPast = (plan: ActivityPlan, now: Date) => {
  if (plan.date < shanghaiDate(now)) throw new RuleViolationError('活动日期不能早于今天', 'date');
};

/** R5: an organizer of the organization plans an activity for the children of a town or village of its district. */
export async function planActivity(ports: ActivityPorts, actor: Reader, plan: ActivityPlan): Promise<ActivityView> {
  enforce(decidePlanActivity(actor), '只有机构管理员和本机构社工可以发起集体活动');
  const now = ports.clock();
  notInPast(plan, now);
  const organization = await ports.organizations.get(actor.organizationId!);
  if (organization === null) throw new RuleViolationError('账号所属机构不存在', 'organizationId');
  const area = await resolveArea(ports, plan.areaId, organization.districtId);
  const { areaId: _, ...fields } = plan;
  const activity: Activity = activitySchema.parse({
    id: ports.newId(),
    organizationId: organization.id,
    ...fields,
    area,
    organizer: { id: actor.id, name: actor.name },
    status: 'planned',
    signedUp: 0,
    attended: [],
    heldAt: null,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    version: 1,
  });
  const event = newEvent(
    'ActivityPlanned',
    { activityId: activity.id, organizationId: activity.organizationId, districtId: area.districtId, capacity: activity.capacity },
    { id: ports.newId(), occurredAt: now, actorId: actor.id },
  );
  await ports.activities.create(activity, [event]);
  return viewOf(activity, { actor, role: 'organizer', eligibleChildren: [] }, [], now);
}

/** The organizer changes a planned activity over the version read; the capacity never below the places taken. */
export async function editActivity(ports: ActivityPorts, actor: Reader, activityId: string, input: EditActivityInput): Promise<ActivityView> {
  const { activity, role } = await loadActivity(ports, actor, activityId);
  enforce(decideManageActivity(actor, activity), '只有本机构管理员和社工可以修改活动');
  if (activity.status !== 'planned') throw new RuleViolationError('只能修改尚未举办的活动', 'status');
  if (activity.version !== input.version) throw new VersionConflictError('活动已被他人修改，请刷新后重试', 'version');
  if (input.capacity < activity.signedUp) throw new RuleViolationError(`已有 ${activity.signedUp} 人报名，名额不能少于此数`, 'capacity');
  const now = ports.clock();
  notInPast(input, now);
  const area = await resolveArea(ports, input.areaId, activity.area.districtId);
  const { areaId: _, version, ...fields } = input;
  const next: Activity = { ...activity, ...fields, area, updatedAt: now.toISOString(), version: version + 1 };
  await ports.activities.replace(next, version, []);
  return viewOf(next, { actor, role, eligibleChildren: [] }, await ports.activities.listSignUps(activityId), now);
}

/** The organizer cancels a planned activity; the consumer tells everyone signed up (ActivityCancelled). */
export async function cancelActivity(ports: ActivityPorts, actor: Reader, activityId: string, version: number): Promise<ActivityView> {
  const { activity, role } = await loadActivity(ports, actor, activityId);
  enforce(decideManageActivity(actor, activity), '只有本机构管理员和社工可以取消活动');
  if (activity.status !== 'planned') throw new RuleViolationError('只能取消尚未举办的活动', 'status');
  if (activity.version !== version) throw new VersionConflictError('活动已被他人修改，请刷新后重试', 'version');
  const now = ports.clock();
  const next: Activity = { ...activity, status: 'cancelled', updatedAt: now.toISOString(), version: version + 1 };
  const signUps = await ports.activities.listSignUps(activityId);
  const event = newEvent(
    'ActivityCancelled',
    { activityId, organizationId: activity.organizationId, districtId: activity.area.districtId, userIds: [...new Set(signUps.map((signUp) => signUp.userId))] },
    { id: ports.newId(), occurredAt: now, actorId: actor.id },
  );
  await ports.activities.replace(next, version, [event]);
  return viewOf(next, { actor, role, eligibleChildren: [] }, signUps, now);
}

export interface ActivityAreaChoice {
  id: string;
  name: string;
  level: 'town' | 'village';
  townName: string;
}

/** The towns and villages of the organization's district an organizer may plan for, each town before its villages. */
export async function listActivityAreas(ports: ActivityPorts, actor: Reader): Promise<ActivityAreaChoice[]> {
  enforce(decidePlanActivity(actor), '只有机构管理员和本机构社工可以发起集体活动');
  const organization = await ports.organizations.get(actor.organizationId!);
  if (organization === null) return [];
  const towns = (await ports.regions.listChildrenOf(organization.districtId)).filter((region) => region.level === 'town');
  const villages = await Promise.all(towns.map((town) => ports.regions.listChildrenOf(town.id)));
  return towns.flatMap((town, index) => [
    { id: town.id, name: town.name, level: 'town' as const, townName: town.name },
    ...villages[index]!.filter((region) => region.level === 'village').map((village) => ({ id: village.id, name: village.name, level: 'village' as const, townName: town.name })),
  ]);
}
