/**
 * Issue 11 part 4 (R5): group activities as the API answers them, from its zod schemas (`import type` only: nothing of
 * zod reaches the bundle).
 */
import type { z } from 'zod';
import type { activityAreasSchema, activityListSchema, activityViewSchema, r5StandingsSchema } from '../../../functions/src/api/activity-schemas';
import type { ActivityPlan, AttendanceInput, EditActivityInput, activityPlanSchema } from '../../../functions/src/domain/activity';

export type ActivityList = z.infer<typeof activityListSchema>;
export type ActivitySummary = ActivityList['items'][number];
export type ActivityView = z.infer<typeof activityViewSchema>;
export type ActivityAreaChoice = z.infer<typeof activityAreasSchema>['items'][number];
export type R5Standings = z.infer<typeof r5StandingsSchema>;
export type ActivityPlanInput = z.input<typeof activityPlanSchema>;
export type { ActivityPlan, AttendanceInput, EditActivityInput };
