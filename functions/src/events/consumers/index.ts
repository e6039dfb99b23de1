import type { ConsumerName } from '../rules.js';
import type { Consumer, ConsumerPorts } from './consumer.js';
import { NOTIFY_ACTIVITY_CANCELLED, notifyActivityCancelled } from './notify-activity-cancelled.js';
import { NOTIFY_DISPUTE_OUTCOME, notifyDisputeOutcome } from './notify-dispute-outcome.js';
import { NOTIFY_DISPUTE_TO_SUPERVISOR, notifyDisputeToSupervisor } from './notify-dispute-to-supervisor.js';
import { ACT_ON_DEADLINE, actOnDeadline } from './act-on-deadline.js';
import { NOTIFY_ESCALATION, notifyEscalation } from './notify-escalation.js';
import { OPEN_CONCERN_FROM_VISIT, openConcernFromVisitProblems } from './open-concern-from-visit.js';
import { REFRESH_DISTRICT_OBLIGATIONS, refreshDistrictObligations } from './refresh-district-obligations.js';
import { SCHEDULE_DEADLINES, scheduleDeadlines } from './schedule-deadlines.js';
import { NOTIFY_VOLUNTEER_APPLIED, notifyVolunteerApplied } from './notify-volunteer-applied.js';
import { NOTIFY_FAMILY_OF_CASE, notifyFamilyOfCase } from './notify-family-of-case.js';
import { NOTIFY_WORKER_EVALUATION, notifyWorkerEvaluation } from './notify-worker-evaluation.js';

export type { Consumer, ConsumerOutcome, ConsumerPorts } from './consumer.js';

/** Every consumer a rule names, by name: typed by rules.ts, so a rule without its code does not compile. */
export function createConsumers(ports: ConsumerPorts): Record<ConsumerName, Consumer> {
  return {
    [NOTIFY_DISPUTE_TO_SUPERVISOR]: notifyDisputeToSupervisor(ports),
    [NOTIFY_DISPUTE_OUTCOME]: notifyDisputeOutcome(ports),
    [OPEN_CONCERN_FROM_VISIT]: openConcernFromVisitProblems(ports),
    [SCHEDULE_DEADLINES]: scheduleDeadlines(ports),
    [ACT_ON_DEADLINE]: actOnDeadline(ports),
    [NOTIFY_ESCALATION]: notifyEscalation(ports),
    [REFRESH_DISTRICT_OBLIGATIONS]: refreshDistrictObligations(ports),
    [NOTIFY_VOLUNTEER_APPLIED]: notifyVolunteerApplied(ports),
    [NOTIFY_ACTIVITY_CANCELLED]: notifyActivityCancelled(ports),
    [NOTIFY_WORKER_EVALUATION]: notifyWorkerEvaluation(ports),
    [NOTIFY_FAMILY_OF_CASE]: notifyFamilyOfCase(ports),
  };
}
