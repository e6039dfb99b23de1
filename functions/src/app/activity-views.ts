import { hasStarted, placesLeft, signUpIdOf, type Activity, type SignUp } from '../domain/activity.js';
import type { ActivityRole } from '../domain/access/activity-access.js';
import type { Child } from '../domain/child.js';
import type { Actor } from '../domain/user.js';

/** An activity in a list: what anyone who may see it may read (no child data). */
export interface ActivitySummary {
  id: string;
  title: string;
  date: string;
  time: string;
  place: string;
  areaName: string;
  capacity: number;
  placesLeft: number;
  status: Activity['status'];
}

/** One's own sign-up, or (for the organizer) anyone's: a child's name only for the organizer and the child's guardian. */
export interface SignUpView {
  id: string;
  kind: SignUp['kind'];
  name: string;
  attended: boolean;
}

/**
 * An activity as its reader sees it. A volunteer reads the places left and their own sign-up, never who else signed
 * up (no child's data reaches a volunteer); a guardian reads their own children's; the organizer the whole list.
 */
export interface ActivityView extends ActivitySummary {
  areaLevel: 'town' | 'village';
  categories: Activity['categories'];
  description: string;
  organizerName: string;
  heldAt: string | null;
  version: number;
  started: boolean;
  canManage: boolean;
  /** The sign-ups this reader may see. */
  signUps: SignUpView[];
  /** What this reader may sign up: themself (a volunteer) or each child of theirs the activity is for. */
  signUpChoices: { kind: SignUp['kind']; childId: string | null; name: string; signUpId: string; signedUp: boolean }[];
}

export function summaryOf(activity: Activity): ActivitySummary {
  return {
    id: activity.id,
    title: activity.title,
    date: activity.date,
    time: activity.time,
    place: activity.place,
    areaName: activity.area.name,
    capacity: activity.capacity,
    placesLeft: placesLeft(activity),
    status: activity.status,
  };
}

const nameOf = (signUp: SignUp) => (signUp.kind === 'child' ? signUp.childName! : signUp.userName);

export function viewOf(
  activity: Activity,
  reader: { actor: Actor & { name: string }; role: ActivityRole; eligibleChildren: readonly Child[] },
  signUps: readonly SignUp[],
  now: Date,
): ActivityView {
  const { actor, role } = reader;
  const visible = signUps.filter((signUp) => role === 'organizer' || signUp.userId === actor.id);
  const taken = new Set(signUps.map((signUp) => signUp.id));
  const choices =
    role === 'volunteer'
      ? [{ kind: 'volunteer' as const, childId: null, name: actor.name, signUpId: signUpIdOf('volunteer', actor.id) }]
      : role === 'guardian'
        ? reader.eligibleChildren.map((child) => ({ kind: 'child' as const, childId: child.id, name: child.name, signUpId: signUpIdOf('child', child.id) }))
        : [];
  return {
    ...summaryOf(activity),
    areaLevel: activity.area.level,
    categories: activity.categories,
    description: activity.description,
    organizerName: activity.organizer.name,
    heldAt: activity.heldAt,
    version: activity.version,
    started: hasStarted(activity, now),
    canManage: role === 'organizer',
    signUps: visible.map((signUp) => ({ id: signUp.id, kind: signUp.kind, name: nameOf(signUp), attended: activity.attended.includes(signUp.id) })),
    signUpChoices: choices.map((choice) => ({ ...choice, signedUp: taken.has(choice.signUpId) })),
  };
}
