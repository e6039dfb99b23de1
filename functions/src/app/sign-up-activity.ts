import { hasStarted, signUpIdOf, type SignUp, type SignUpInput } from '../domain/activity.js';
import { decideSignUp } from '../domain/access/activity-access.js';
import { NotFoundError, RuleViolationError } from '../domain/errors.js';
import { newEvent } from '../events/domain-events.js';
import { enforce, loadActivity } from './activity-guards.js';
import type { ActivityPorts, Reader } from './activity-ports.js';
import { viewOf, type ActivityView } from './activity-views.js';

export interface SignedUp {
  /** False when this person or child had signed up already: the same sign-up, nothing written twice. */
  created: boolean;
  activity: ActivityView;
}

/**
 * A volunteer of the organization signs themself up; a guardian signs up a child of theirs the activity is for. R8
 * first (PledgeRequiredError for a role that signs the pledge and has not). The place is taken in the store's
 * transaction, whose condition keeps the places taken within the capacity under concurrent sign-ups.
 */
export async function signUpForActivity(ports: ActivityPorts, actor: Reader, activityId: string, input: SignUpInput): Promise<SignedUp> {
  const seen = await loadActivity(ports, actor, activityId);
  const { activity, role, eligibleChildren } = seen;
  enforce(decideSignUp(actor, activity), '只有本机构志愿者和儿童的监护人可以报名');
  const now = ports.clock();
  if (activity.status !== 'planned' || hasStarted(activity, now)) throw new RuleViolationError('活动已结束报名', 'activityId');
  let signUp: SignUp;
  const base = { activityId, userId: actor.id, userName: actor.name, signedUpAt: now.toISOString() };
  if (role === 'volunteer') {
    signUp = { ...base, id: signUpIdOf('volunteer', actor.id), kind: 'volunteer', childId: null, childName: null };
  } else {
    const child = eligibleChildren.find((candidate) => candidate.id === input.childId);
    if (child === undefined) throw new RuleViolationError('请选择参加活动的孩子', 'childId');
    signUp = { ...base, id: signUpIdOf('child', child.id), kind: 'child', childId: child.id, childName: child.name };
  }
  const event = newEvent(
    'ActivitySignedUp',
    { activityId, organizationId: activity.organizationId, districtId: activity.area.districtId, signUpId: signUp.id, kind: signUp.kind },
    { id: ports.newId(), occurredAt: now, actorId: actor.id },
  );
  const outcome = await ports.activities.signUp(signUp, [event]);
  if (outcome.kind === 'full') throw new RuleViolationError('名额已满', 'activityId');
  if (outcome.kind === 'closed') throw new RuleViolationError('活动已结束报名', 'activityId');
  const [fresh, signUps] = await Promise.all([ports.activities.get(activityId), ports.activities.listSignUps(activityId)]);
  return { created: outcome.kind === 'added', activity: viewOf(fresh!, { actor, role, eligibleChildren }, signUps, now) };
}

/** One's own sign-up (or one's child's) is cancelled before the activity begins; the place is free again. */
export async function cancelSignUp(ports: ActivityPorts, actor: Reader, activityId: string, signUpId: string): Promise<ActivityView> {
  const { activity, role, eligibleChildren } = await loadActivity(ports, actor, activityId);
  enforce(decideSignUp(actor, activity), '只有本机构志愿者和儿童的监护人可以取消报名');
  const now = ports.clock();
  if (activity.status !== 'planned' || hasStarted(activity, now)) throw new RuleViolationError('活动开始后不能取消报名', 'signUpId');
  const own = (await ports.activities.listSignUps(activityId)).find((signUp) => signUp.id === signUpId && signUp.userId === actor.id);
  if (own === undefined || !(await ports.activities.cancelSignUp(activityId, signUpId, []))) throw new NotFoundError('未找到该报名', 'signUpId');
  const [fresh, signUps] = await Promise.all([ports.activities.get(activityId), ports.activities.listSignUps(activityId)]);
  return viewOf(fresh!, { actor, role, eligibleChildren }, signUps, now);
}
