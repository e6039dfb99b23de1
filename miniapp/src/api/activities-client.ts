import type { ApiCall } from './client';
import type { ActivityAreaChoice, ActivityList, ActivityPlanInput, ActivityView, AttendanceInput, R5Standings } from './activity-types';

/** R5: the organization's group activities, sign-ups, attendance and the yearly count. */
export interface ActivitiesApi {
  activities(): Promise<ActivityList>;
  activity(id: string): Promise<ActivityView>;
  planActivity(input: ActivityPlanInput): Promise<ActivityView>;
  /** A volunteer signs up themself (no childId); a guardian a child of theirs. Signing up twice answers the first. */
  signUpForActivity(id: string, childId?: string): Promise<ActivityView>;
  cancelSignUp(id: string, signUpId: string): Promise<ActivityView>;
  cancelActivity(id: string, version: number): Promise<ActivityView>;
  recordAttendance(id: string, input: AttendanceInput): Promise<ActivityView>;
  r5Standings(): Promise<R5Standings>;
  /** The towns and villages an organizer may plan for. */
  activityAreas(): Promise<ActivityAreaChoice[]>;
}

const activityPath = (id: string, rest = '') => `/activities/${encodeURIComponent(id)}${rest}`;

export function activityCalls(send: ApiCall): ActivitiesApi {
  return {
    activities: () => send({ method: 'GET', path: '/activities' }),
    activity: (id) => send({ method: 'GET', path: activityPath(id) }),
    planActivity: (input) => send({ method: 'POST', path: '/activities', body: input }),
    signUpForActivity: (id, childId) => send({ method: 'POST', path: activityPath(id, '/sign-ups'), body: childId ? { childId } : {} }),
    cancelSignUp: (id, signUpId) => send({ method: 'DELETE', path: activityPath(id, `/sign-ups/${encodeURIComponent(signUpId)}`) }),
    cancelActivity: (id, version) => send({ method: 'POST', path: activityPath(id, '/cancel'), body: { version } }),
    recordAttendance: (id, input) => send({ method: 'POST', path: activityPath(id, '/attendance'), body: input }),
    r5Standings: () => send({ method: 'GET', path: '/activities/r5' }),
    activityAreas: () => send<{ items: ActivityAreaChoice[] }>({ method: 'GET', path: '/activities/areas' }).then(({ items }) => items),
  };
}
