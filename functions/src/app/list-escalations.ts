import { escalationQueueOf } from '../domain/access-policy.js';
import type { Escalation } from '../domain/escalation.js';
import type { EscalationLevel } from '../domain/escalation-levels.js';
import type { Actor, Principal } from '../domain/user.js';
import { actorFrom } from './actor.js';
import type { ListEscalationsPorts } from './escalation-ports.js';

export interface EscalationLists {
  actor: Actor;
  /** The level whose queue the actor works; null for a role that works none. */
  level: EscalationLevel | null;
  queue: Escalation[] | null;
  /** Cases of the actor's area the level below let pass its deadline unacknowledged: shown in red (R6). */
  overdueBelow: Escalation[];
  now: Date;
}

export const ESCALATION_LIST_LIMIT = 100;

/** The supervisor's town queue, the district's and the city's, each with the overdue cases of the level below. */
export async function listEscalations(ports: ListEscalationsPorts, principal: Principal): Promise<EscalationLists> {
  const found = await ports.records.read({ users: [principal.userId] });
  const actor = actorFrom(principal, found.users.get(principal.userId));
  const now = ports.clock();
  const queue = escalationQueueOf(actor);
  if (queue === null) return { actor, level: null, queue: null, overdueBelow: [], now };
  const [held, overdueBelow] = await Promise.all([
    ports.escalations.listQueue(queue, ESCALATION_LIST_LIMIT),
    ports.escalations.listOverdueBelow(queue, now, ESCALATION_LIST_LIMIT),
  ]);
  return { actor, level: queue.level, queue: held, overdueBelow, now };
}
