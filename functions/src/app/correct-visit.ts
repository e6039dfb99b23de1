import { assessR3 } from '../domain/r3-assessment.js';
import type { Principal } from '../domain/user.js';
import type { CorrectVisitInput } from '../domain/visit.js';
import { changedFieldsOf, correctedInput, correctVisit as corrected } from '../domain/visit-amendment.js';
import { teamAt } from '../domain/visit-completions.js';
import { amendVisit } from './amend-visit.js';
import { assertStaffParticipants } from './participants.js';
import type { AmendVisitPorts } from './ports.js';
import type { VisitAddress } from './read-visit.js';
import type { VisitDetail } from './visit-detail.js';

export interface CorrectVisitRequest extends VisitAddress {
  input: CorrectVisitInput;
}

/** Changes to these facts are judged by R3 again; the rest (services, notes) leave its verdict as it was. */
const r3Facts = ['startedAt', 'endedAt', 'participantIds', 'companionNames'] as const;

/**
 * The author corrects their check-in (times, who came, services, service record, problems found) with a reason:
 * R3 is judged again on the corrected facts under the district's current policy, for the team the child had when
 * the visit was recorded.
 */
export function correctVisit(ports: AmendVisitPorts, principal: Principal, request: CorrectVisitRequest): Promise<VisitDetail> {
  const { input } = request;
  return amendVisit(ports, principal, request, {
    attempted: 'visit.correct',
    change: 'corrected',
    users: input.changes.participantIds ?? [],
    decide: ({ child, visit, policy }, actor, now, found) => {
      if (input.changes.participantIds) {
        assertStaffParticipants(found.users, input.changes.participantIds, 'changes.participantIds');
      }
      const rejudge = changedFieldsOf(visit, input.changes).some((field) => (r3Facts as readonly string[]).includes(field));
      const socialWorkerId = teamAt(child, visit.recordedAt)?.socialWorkerId ?? null;
      const recorder = actor.role === 'director' ? 'director' : 'socialWorker';
      const r3 = rejudge ? assessR3(correctedInput(visit, input.changes), socialWorkerId, policy.ruleIds, recorder) : visit.r3;
      return corrected(visit, input, actor.id, now, r3);
    },
  });
}
