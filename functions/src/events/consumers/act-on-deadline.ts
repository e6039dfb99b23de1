import type { ConsumerName } from '../rules.js';
import { consumerOf, type Consumer, type ConsumerPorts } from './consumer.js';

export const ACT_ON_DEADLINE = 'actOnDeadline' satisfies ConsumerName;

/**
 * DeadlineReached → the use case that acts as the system (app/act-on-deadline.ts): raise the report nobody
 * acknowledged, or mark the case overdue, unless it was done meanwhile. The use case's version-guarded write is what
 * makes a deadline fired twice act once.
 */
export function actOnDeadline(ports: ConsumerPorts): Consumer {
  return consumerOf(ACT_ON_DEADLINE, 'DeadlineReached', async (event) => {
    const outcome = await ports.actOnDeadline(event.detail);
    return outcome === 'acted' ? 'acted' : outcome === 'notDue' ? 'notApplicable' : 'nothingToDo';
  });
}
