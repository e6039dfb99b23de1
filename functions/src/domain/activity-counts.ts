import type { Activity } from './activity.js';
import type { Month } from './monthly-report.js';

/**
 * R5 in the monthly roll-up (R4): an activity held counts once, in the month of its own Beijing date, in the area it was
 * for: a village's activity in the village's month item, a town-wide one in the town's own month item (beside its
 * villages', which the roll-up adds to the town's sum). Written in the transaction that marks it held.
 */
export interface RegionTally {
  regionId: string;
  month: Month;
  counts: { activitiesHeld: number };
}

export function activityHeldTally(activity: Pick<Activity, 'status' | 'date' | 'area'>): RegionTally[] {
  if (activity.status !== 'held') return [];
  return [{ regionId: activity.area.regionId, month: activity.date.slice(0, 7), counts: { activitiesHeld: 1 } }];
}
