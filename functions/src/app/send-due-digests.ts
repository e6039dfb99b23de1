import { dueDigestsOf, dueDigestText, dueSoonUntil } from '../domain/due-digest.js';
import { messageIdOf } from '../domain/inbox.js';
import type { Region } from '../domain/region.js';
import type { InboxDelivery, ObligationRepository, RegionRepository } from '../store/ports.js';

export interface SendDueDigestsPorts {
  regions: Pick<RegionRepository, 'listRoots' | 'listChildrenOf'>;
  obligations: Pick<ObligationRepository, 'listDueInTownUntil'>;
  inbox: Pick<InboxDelivery, 'deliverNew'>;
}

export interface DueDigestsSent {
  towns: number;
  /** Workers with something overdue or due soon. */
  people: number;
  /** Digests put in an inbox by this run (0 for a run of a day already sent). */
  delivered: number;
}

/** The towns under these regions: cities, then districts, then towns (a handful of queries for a city). */
async function townsUnder(regions: SendDueDigestsPorts['regions'], from: Region[]): Promise<Region[]> {
  const towns = from.filter((region) => region.level === 'town');
  const above = from.filter((region) => region.level === 'city' || region.level === 'district');
  if (above.length === 0) return towns;
  const below = (await Promise.all(above.map((region) => regions.listChildrenOf(region.id)))).flat();
  return [...towns, ...(await townsUnder(regions, below))];
}

/**
 * The reminders job's first slice (issue 9): every children's director and social worker with a visit overdue or due
 * within DUE_SOON_DAYS gets one digest in their inbox for `date` (Beijing), in counts. Read from each town's due
 * index (one query a town), never from the children; the message's id is the day's, so a second run of the same day
 * adds nothing.
 */
export async function sendDueDigests(ports: SendDueDigestsPorts, date: string, at: Date): Promise<DueDigestsSent> {
  const towns = await townsUnder(ports.regions, await ports.regions.listRoots());
  const entries = (await Promise.all(towns.map((town) => ports.obligations.listDueInTownUntil(town.id, dueSoonUntil(date))))).flat();
  const digests = dueDigestsOf(entries, date);
  const id = messageIdOf(at, `due${date.replaceAll('-', '')}`);
  const delivered = await ports.inbox.deliverNew(
    [...digests].map(([userId, digest]) => ({
      owner: { kind: 'user', userId },
      message: {
        id,
        at: at.toISOString(),
        kind: 'dueDigest',
        childId: null,
        visitId: null,
        escalationId: null,
        digest,
        text: dueDigestText(digest),
        readAt: null,
      },
    })),
  );
  return { towns: towns.length, people: digests.size, delivered };
}
