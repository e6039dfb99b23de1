import type { ApiCall } from './client';
import type {
  CancelSessionInput,
  HoldSessionInput,
  PlanSessionInput,
  SafetyDistrictTracker,
  SafetySchedule,
  SafetySession,
  SafetyTownTracker,
  UpcomingSafetySession,
} from './safety-types';

/** R12: the schedule of the reader's area, planning, recording, the tracker; a guardian's next sessions. */
export interface SafetyApi {
  safetySchedule(): Promise<SafetySchedule>;
  planSafetySession(input: PlanSessionInput): Promise<SafetySession>;
  safetySession(id: string): Promise<SafetySession>;
  /** 409 when someone changed it since `input.version` was read. */
  holdSafetySession(id: string, input: HoldSessionInput): Promise<SafetySession>;
  cancelSafetySession(id: string, input: CancelSessionInput): Promise<SafetySession>;
  townSafetyTracker(townId: string): Promise<SafetyTownTracker>;
  districtSafetyTracker(districtId: string): Promise<SafetyDistrictTracker>;
  upcomingSafetySessions(): Promise<UpcomingSafetySession[]>;
}

const sessionPath = (id: string, rest = '') => `/safety/sessions/${encodeURIComponent(id)}${rest}`;

export function safetyCalls(send: ApiCall): SafetyApi {
  return {
    safetySchedule: () => send({ method: 'GET', path: '/safety/schedule' }),
    planSafetySession: (input) => send({ method: 'POST', path: '/safety/sessions', body: input }),
    safetySession: (id) => send({ method: 'GET', path: sessionPath(id) }),
    holdSafetySession: (id, input) => send({ method: 'POST', path: sessionPath(id, '/held'), body: input }),
    cancelSafetySession: (id, input) => send({ method: 'POST', path: sessionPath(id, '/cancelled'), body: input }),
    townSafetyTracker: (townId) => send({ method: 'GET', path: `/safety/tracker/towns/${encodeURIComponent(townId)}` }),
    districtSafetyTracker: (districtId) => send({ method: 'GET', path: `/safety/tracker/districts/${encodeURIComponent(districtId)}` }),
    upcomingSafetySessions: async () => ((await send({ method: 'GET', path: '/safety/upcoming' })) as { items: UpcomingSafetySession[] }).items,
  };
}
