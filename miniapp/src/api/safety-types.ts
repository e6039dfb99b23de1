/**
 * Issue 11 part 3, R12: safety-education sessions and the tracker as the API answers them, from its zod schemas
 * (`import type` only: nothing of zod reaches the bundle).
 */
import type { z } from 'zod';
import type {
  districtTrackerSchema,
  safetyScheduleSchema,
  safetySessionViewSchema,
  townTrackerSchema,
  upcomingSessionsSchema,
} from '../../../functions/src/api/safety-schemas';
import type { CancelSessionInput, PlanSessionInput } from '../../../functions/src/domain/safety-session';

export type SafetySession = z.infer<typeof safetySessionViewSchema>;
export type SafetySchedule = z.infer<typeof safetyScheduleSchema>;
export type SafetyTownTracker = z.infer<typeof townTrackerSchema>;
export type SafetyTrackerRow = SafetyTownTracker['rows'][number];
export type SafetyDistrictTracker = z.infer<typeof districtTrackerSchema>;
export type UpcomingSafetySession = z.infer<typeof upcomingSessionsSchema>['items'][number];
export type { CancelSessionInput, PlanSessionInput };

/** A held session's record: the photos are base64 JPEG/PNG, compressed on the phone first. */
export interface HoldSessionInput {
  version: number;
  attendance: number;
  photos: string[];
}
