import { ForbiddenError } from '../domain/errors.js';
import type { SafetySession } from '../domain/safety-session.js';
import { shanghaiDate, type Clock } from '../domain/time.js';
import type { Actor } from '../domain/user.js';
import { addDays } from '../domain/calendar.js';
import type { ChildRepository, SafetySessions } from '../store/ports.js';

export type GuardianSafetyPorts = { children: Pick<ChildRepository, 'list'>; safetySessions: Pick<SafetySessions, 'listInTown'>; clock: Clock };

/** A guardian has a handful of children; the next sessions are those of the coming months, a few at most. */
const MAX_GUARDIAN_CHILDREN = 20;
const LOOK_AHEAD_DAYS = 180;
const MAX_SHOWN = 3;

/** What a guardian is shown of a session: when, what, where; not who organizes it or anything recorded after. */
export interface UpcomingSession {
  id: string;
  date: string;
  topics: SafetySession['topics'];
  place: string;
  audienceName: string;
}

/**
 * R12 for families: the next planned sessions of their children's villages and towns (a village's own, the town's),
 * soonest first; none when there are none. Only the children's places are used, nothing of the children is shown.
 */
export async function listUpcomingForGuardian(ports: GuardianSafetyPorts, actor: Actor): Promise<UpcomingSession[]> {
  if (actor.role !== 'guardian') throw new ForbiddenError('只有监护人查看本地安全教育安排').refusing({ action: 'request', reason: 'roleCannot' });
  const own = await ports.children.list({ kind: 'guardian', userId: actor.id }, { limit: MAX_GUARDIAN_CHILDREN });
  const villages = new Set(own.items.map((child) => child.region.villageId));
  const towns = [...new Set(own.items.map((child) => child.region.townId))];
  const today = shanghaiDate(ports.clock());
  const perTown = await Promise.all(towns.map((town) => ports.safetySessions.listInTown(town, today, addDays(today, LOOK_AHEAD_DAYS))));
  return perTown
    .flat()
    .filter((session) => session.status === 'planned')
    .filter((session) => session.audience.kind === 'town' || (session.audience.kind === 'village' && villages.has(session.audience.id)))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id))
    .slice(0, MAX_SHOWN)
    .map((session) => ({ id: session.id, date: session.date, topics: session.topics, place: session.place, audienceName: session.audience.name }));
}
