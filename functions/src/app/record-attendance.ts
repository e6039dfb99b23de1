import { activityHeldTally } from '../domain/activity-counts.js';
import { hasStarted, type Activity, type AttendanceInput } from '../domain/activity.js';
import { decideManageActivity } from '../domain/access/activity-access.js';
import { RuleViolationError, VersionConflictError } from '../domain/errors.js';
import { newEvent } from '../events/domain-events.js';
import { enforce, loadActivity } from './activity-guards.js';
import type { ActivityPorts, Reader } from './activity-ports.js';
import { viewOf, type ActivityView } from './activity-views.js';

/**
 * R5: after the activity began, its organizer ticks who came; the activity becomes held, and the month of its date
 * counts one more activity held (R4's counters, in the same transaction).
 */
export async function recordAttendance(ports: ActivityPorts, actor: Reader, activityId: string, input: AttendanceInput): Promise<ActivityView> {
  const { activity, role } = await loadActivity(ports, actor, activityId);
  enforce(decideManageActivity(actor, activity), '只有本机构管理员和社工可以登记签到');
  const now = ports.clock();
  if (activity.status !== 'planned') throw new RuleViolationError(activity.status === 'held' ? '该活动已登记签到' : '活动已取消', 'status');
  if (!hasStarted(activity, now)) throw new RuleViolationError('活动开始后才能登记签到', 'attended');
  if (activity.version !== input.version) throw new VersionConflictError('活动已被他人修改，请刷新后重试', 'version');
  const signUps = await ports.activities.listSignUps(activityId);
  const known = new Set(signUps.map((signUp) => signUp.id));
  const unknown = input.attended.find((id) => !known.has(id));
  if (unknown !== undefined) throw new RuleViolationError('签到名单中有未报名的人', 'attended');
  const attended = [...new Set(input.attended)];
  const next: Activity = { ...activity, status: 'held', attended, heldAt: now.toISOString(), updatedAt: now.toISOString(), version: input.version + 1 };
  const event = newEvent(
    'ActivityHeld',
    { activityId, organizationId: activity.organizationId, districtId: activity.area.districtId, attended: attended.length },
    { id: ports.newId(), occurredAt: now, actorId: actor.id },
  );
  await ports.activities.replace(next, input.version, [event], activityHeldTally(next));
  return viewOf(next, { actor, role, eligibleChildren: [] }, signUps, now);
}
