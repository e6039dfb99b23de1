import { z } from 'zod';
import { childCategorySchema, type ChildCategory } from './child.js';
import { idSchema, type RegionPath } from './region.js';
import { multiLineText, singleLineText } from './text.js';
import { shanghaiDate } from './time.js';

/**
 * R5 (000 §五.5): the organization runs group activities (growth groups, parent-child events, winter and summer
 * vacation, Children's Day, …), at least two a year. An activity is the organization's, for the children of one area
 * of its district (a town or a village, optionally of some categories); volunteers and guardians sign up, the
 * organizer records who came, and the activity is then held.
 */
export const activityStatuses = ['planned', 'held', 'cancelled'] as const;
export const activityStatusSchema = z.enum(activityStatuses);
export type ActivityStatus = z.infer<typeof activityStatusSchema>;

/** R5's yearly minimum of group activities per organization. */
export const R5_MINIMUM_PER_YEAR = 2;
/** A capacity a mini-program list and one attendance write can hold. */
export const MAX_CAPACITY = 90;

const dateSchema = z.iso.date('日期格式应为 YYYY-MM-DD');
const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 HH:mm');

/** What the organizer writes: the date and time are Beijing's, as people read them. */
export const activityPlanSchema = z
  .object({
    title: singleLineText(40),
    date: dateSchema,
    time: timeSchema,
    place: singleLineText(60),
    capacity: z.int('名额应为整数').min(1, '名额至少 1 人').max(MAX_CAPACITY, `名额最多 ${MAX_CAPACITY} 人`),
    /** The town or village of the organization's district whose children it is for. */
    areaId: idSchema,
    /** Empty: every child of the area. */
    categories: z.array(childCategorySchema).max(4).default([]),
    description: multiLineText(500, { min: 0 }).default(''),
  })
  .strict();
export type ActivityPlan = z.infer<typeof activityPlanSchema>;

export const editActivityInputSchema = activityPlanSchema.extend({ version: z.int().min(1) }).strict();
export type EditActivityInput = z.infer<typeof editActivityInputSchema>;

export const areaSchema = z
  .object({
    level: z.enum(['town', 'village']),
    regionId: idSchema,
    name: z.string(),
    districtId: idSchema,
    townId: idSchema,
  })
  .strict();
export type ActivityArea = z.infer<typeof areaSchema>;

export const activitySchema = z
  .object({
    id: idSchema,
    organizationId: idSchema,
    title: z.string(),
    date: dateSchema,
    time: timeSchema,
    place: z.string(),
    capacity: z.int().positive(),
    area: areaSchema,
    categories: z.array(childCategorySchema),
    description: z.string(),
    organizer: z.object({ id: idSchema, name: z.string() }).strict(),
    status: activityStatusSchema,
    /** Places taken: kept by the sign-ups' own transactions under the condition `signedUp < capacity`. */
    signedUp: z.int().nonnegative(),
    /** The sign-ups who came, by sign-up id, once held. */
    attended: z.array(idSchema),
    heldAt: z.iso.datetime({ offset: true }).nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    updatedAt: z.iso.datetime({ offset: true }),
    version: z.int().positive(),
  })
  .strict();
export type Activity = z.infer<typeof activitySchema>;

/** A volunteer signs up themself; a guardian signs up a child of theirs. */
export const signUpSchema = z
  .object({
    id: idSchema,
    activityId: idSchema,
    kind: z.enum(['volunteer', 'child']),
    /** The volunteer, or the guardian who signed the child up. */
    userId: idSchema,
    userName: z.string(),
    childId: idSchema.nullable(),
    childName: z.string().nullable(),
    signedUpAt: z.iso.datetime({ offset: true }),
  })
  .strict();
export type SignUp = z.infer<typeof signUpSchema>;

export const signUpInputSchema = z.object({ childId: idSchema.optional() }).strict();
export type SignUpInput = z.infer<typeof signUpInputSchema>;

export const attendanceInputSchema = z
  .object({ attended: z.array(idSchema).max(MAX_CAPACITY), version: z.int().min(1) })
  .strict();
export type AttendanceInput = z.infer<typeof attendanceInputSchema>;

/** One person or child signs up once: the id says who, so a second sign-up finds the first. */
export function signUpIdOf(kind: SignUp['kind'], id: string): string {
  return `${kind === 'volunteer' ? 'u' : 'c'}-${id}`;
}

/** The instant the activity starts: its Beijing date and time (UTC+8, no daylight saving). */
export function startInstantOf(activity: Pick<Activity, 'date' | 'time'>): Date {
  return new Date(`${activity.date}T${activity.time}:00+08:00`);
}

export function hasStarted(activity: Pick<Activity, 'date' | 'time'>, now: Date): boolean {
  return startInstantOf(activity).getTime() <= now.getTime();
}

export function placesLeft(activity: Pick<Activity, 'capacity' | 'signedUp'>): number {
  return Math.max(0, activity.capacity - activity.signedUp);
}

/** Whether a child of this village and these categories is among the children the activity is for. */
export function isForChild(activity: Pick<Activity, 'area' | 'categories'>, child: { region: RegionPath; categories: readonly ChildCategory[] }): boolean {
  const inArea = activity.area.level === 'town' ? child.region.townId === activity.area.regionId : child.region.villageId === activity.area.regionId;
  return inArea && (activity.categories.length === 0 || activity.categories.some((category) => child.categories.includes(category)));
}

/** An organization's R5 standing in one Beijing year. */
export interface R5Standing {
  year: number;
  held: number;
  planned: number;
  minimum: number;
  met: boolean;
  /** Short of the minimum in the year's last quarter (Beijing): the district should ask why. */
  behind: boolean;
}

/** From the fourth quarter on, an organization short of R5's minimum is flagged. */
const LATE_IN_YEAR = '-10-01';

/**
 * R5: the activities held in the Beijing year of `now` (an activity counts in the year of its own Beijing date, so
 * one on 31 December at 23:30 counts in that year however late its attendance is recorded), against the minimum.
 */
export function r5StandingOf(activities: readonly Pick<Activity, 'date' | 'status'>[], now: Date): R5Standing {
  const today = shanghaiDate(now);
  const year = today.slice(0, 4);
  const ofYear = activities.filter((activity) => activity.date.startsWith(`${year}-`));
  const held = ofYear.filter((activity) => activity.status === 'held').length;
  const planned = ofYear.filter((activity) => activity.status === 'planned' && activity.date >= today).length;
  const met = held >= R5_MINIMUM_PER_YEAR;
  return { year: Number(year), held, planned, minimum: R5_MINIMUM_PER_YEAR, met, behind: !met && today >= `${year}${LATE_IN_YEAR}` };
}

export const activityStatusNames: Record<ActivityStatus, string> = { planned: '报名中', held: '已举办', cancelled: '已取消' };
