import { concernQueueOf } from '../domain/access-policy.js';
import type { Concern } from '../domain/concern.js';
import { isOpen } from '../domain/concern-lifecycle.js';
import type { Actor, Principal } from '../domain/user.js';
import { actorFrom } from './actor.js';
import type { ListConcernsPorts } from './concern-ports.js';

export interface ConcernLists {
  actor: Actor;
  /** The queue of the actor's area (open, urgent, longest waiting first); null for a role that handles none. */
  queue: Concern[] | null;
  /** What the actor reported themselves, newest first. */
  mine: Concern[];
}

export const CONCERN_LIST_LIMIT = 100;

/** Queue order across towns: the same order each town's index keeps. */
function queueOrder(a: Concern, b: Concern): number {
  const key = (c: Concern) => `${isOpen(c) ? 0 : 1}#${c.urgent ? 0 : 1}#${c.createdAt}#${c.id}`;
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

/**
 * The director's village queue, the supervisor's town queue, the district officer's district (its towns' queues
 * merged: a district has a few dozen towns at most, and concerns are few), and everyone's own reports.
 */
export async function listConcerns(ports: ListConcernsPorts, principal: Principal): Promise<ConcernLists> {
  const found = await ports.records.read({ users: [principal.userId] });
  const actor = actorFrom(principal, found.users.get(principal.userId));
  const area = concernQueueOf(actor);
  const [queue, mine] = await Promise.all([area === null ? null : queueOf(ports, area), ports.concerns.listOfReporter(actor.id, CONCERN_LIST_LIMIT)]);
  return { actor, queue, mine };
}

async function queueOf(ports: ListConcernsPorts, area: NonNullable<ReturnType<typeof concernQueueOf>>): Promise<Concern[]> {
  if (area.level !== 'district') return ports.concerns.listQueue({ level: area.level, regionId: area.regionId }, CONCERN_LIST_LIMIT);
  const towns = (await ports.regions.listChildrenOf(area.regionId)).filter((region) => region.level === 'town');
  const queues = await Promise.all(towns.map((town) => ports.concerns.listQueue({ level: 'town', regionId: town.id }, CONCERN_LIST_LIMIT)));
  return queues.flat().sort(queueOrder).slice(0, CONCERN_LIST_LIMIT);
}
