import { dueSoonUntil } from '../domain/due-digest.js';
import type { DueEntry } from '../domain/due-entries.js';
import type { Region } from '../domain/region.js';
import type { TownCounts } from '../domain/supervisor-digest.js';
import type { User } from '../domain/user.js';
import type { Visit } from '../domain/visit.js';
import type { ObligationRepository, PolicyRepository, ReminderReads, VisitRepository } from '../store/ports.js';

export interface TownDigestReadPorts {
  obligations: Pick<ObligationRepository, 'listDueInTownUntil'>;
  reads: ReminderReads;
  policies: Pick<PolicyRepository, 'get'>;
  visits: Pick<VisitRepository, 'listPendingInTown'>;
}

/** What one town's digests are made from: a handful of queries, each on an index of what it counts. */
export interface TownDigestInput {
  town: Region;
  /** Due up to the due digests' horizon, every overdue one included. */
  entries: DueEntry[];
  counts: TownCounts;
  supervisors: User[];
  /** Every visit of the town waiting for a guardian's answer. */
  pending: Visit[];
}

const DAY_MS = 86_400_000;

/**
 * The most visits waiting for an answer one town's guardians are told of in a day. Far above a town's week of
 * visits; a town past it has a backlog its supervisor is told of (their unconfirmed count has no cap), and the
 * guardians beyond it are told the next day, once some are answered.
 */
export const PENDING_VISITS_READ_CAP = 1_000;

export async function readTownDigestInput(ports: TownDigestReadPorts, town: Region, date: string, at: Date): Promise<TownDigestInput> {
  if (town.parentId === null) throw new RangeError(`town ${town.id} has no district`);
  const { unconfirmedAfterDays } = await ports.policies.get(town.parentId);
  const [entries, withoutTeam, disputed, unconfirmed, unacknowledgedConcerns, supervisors, pending] = await Promise.all([
    ports.obligations.listDueInTownUntil(town.id, dueSoonUntil(date)),
    ports.reads.countChildrenWithoutTeam(town.id),
    ports.reads.countDisputedVisits(town.id),
    // As the supervisor's 超期未确认 list counts (api/routes/towns.ts): recorded more than that many days ago.
    ports.reads.countPendingVisits(town.id, new Date(at.getTime() - unconfirmedAfterDays * DAY_MS)),
    ports.reads.countUnacknowledgedConcerns(town.id),
    ports.reads.listUsersInRegion(town.id, 'supervisor'),
    ports.visits.listPendingInTown(town.id, at, PENDING_VISITS_READ_CAP),
  ]);
  return { town, entries, counts: { withoutTeam, disputed, unconfirmed, unconfirmedAfterDays, unacknowledgedConcerns }, supervisors, pending };
}
