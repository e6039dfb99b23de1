import type { PolicyRefreshStep } from '../../app/continue-policy-refresh.js';
import type { EventOf } from '../domain-events.js';
import type { ConsumerName } from '../rules.js';
import { consumerOfEach, type Consumer, type ConsumerOutcome, type ConsumerPorts } from './consumer.js';

export const REFRESH_DISTRICT_OBLIGATIONS = 'refreshDistrictObligations' satisfies ConsumerName;

const OUTCOMES: Record<PolicyRefreshStep, ConsumerOutcome> = {
  finished: 'acted',
  handedOver: 'acted',
  // A newer policy's run does the district now.
  superseded: 'notApplicable',
  alreadyDone: 'duplicate',
  takenOver: 'duplicate',
  missing: 'nothingToDo',
};

/**
 * A district's new policy reaches its children as a job (issue 9, part 2): PolicyChanged starts it where its record
 * says (at the first child), and each PolicyRefreshContinued takes the next piece after a run reached its time
 * budget. Delivered twice, or after a crash, it resumes from the saved progress (app/continue-policy-refresh.ts).
 */
export function refreshDistrictObligations(ports: ConsumerPorts): Consumer {
  const run = async (event: EventOf<'PolicyChanged'> | EventOf<'PolicyRefreshContinued'>) => OUTCOMES[await ports.refreshPolicy(event.detail)];
  return consumerOfEach(REFRESH_DISTRICT_OBLIGATIONS, { PolicyChanged: run, PolicyRefreshContinued: run });
}
