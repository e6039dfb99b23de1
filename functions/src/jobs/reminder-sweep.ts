import { addSafetyDue, dueDigestsOf, dueDigestText, DUE_SOON_DAYS } from '../domain/due-digest.js';
import { guardianDigestsOf, guardianDigestText } from '../domain/guardian-digest.js';
import { messageIdOf, type DigestKind } from '../domain/inbox.js';
import type { Region } from '../domain/region.js';
import { supervisorDigestOf, supervisorDigestText } from '../domain/supervisor-digest.js';
import type { User } from '../domain/user.js';
import type { AnyDigest, TownSummary } from '../notify/digest-messages.js';
import type { OutsideChannels } from '../notify/outside-channels.js';
import type { AddressedMessage, InboxDelivery, RecordReader, RegionRepository } from '../store/ports.js';
import { sendDigestsOutside, type ChatDigests, type ReaderDigest } from './send-digests-outside.js';
import { readTownDigestInput, type TownDigestInput, type TownDigestReadPorts } from './town-digest-reads.js';
import { readTownSafetyDue, type TownSafetyDue, type TownSafetyReadPorts } from './town-safety-reads.js';

export interface ReminderSweepPorts extends TownDigestReadPorts, TownSafetyReadPorts {
  regions: Pick<RegionRepository, 'listRoots' | 'listChildrenOf'>;
  inbox: Pick<InboxDelivery, 'deliverNew'>;
  records: RecordReader;
  outside: OutsideChannels;
  chatDigests: ChatDigests | null;
}

export interface ReminderSweepOutcome {
  towns: number;
  /** Workers with something overdue or due soon. */
  people: number;
  /** Supervisors with something in their town to follow up. */
  supervisors: number;
  /** Guardians with a visit waiting for their answer. */
  guardians: number;
  /** Digests put in an inbox by this run (0 for a run of a day already sent). */
  delivered: number;
  wechatSent: number;
  robotSent: number;
}

/** Towns read at once: each is a handful of queries. */
const TOWN_CONCURRENCY = 10;

/** The towns under these regions: cities, then districts, then towns (a handful of queries for a city). */
async function townsUnder(regions: ReminderSweepPorts['regions'], from: Region[]): Promise<Region[]> {
  const towns = from.filter((region) => region.level === 'town');
  const above = from.filter((region) => region.level === 'city' || region.level === 'district');
  if (above.length === 0) return towns;
  const below = (await Promise.all(above.map((region) => regions.listChildrenOf(region.id)))).flat();
  return [...towns, ...(await townsUnder(regions, below))];
}

type TownInput = TownDigestInput & { safety: TownSafetyDue };

async function readTown(ports: ReminderSweepPorts, town: Region, date: string, at: Date): Promise<TownInput> {
  const [input, safety] = await Promise.all([readTownDigestInput(ports, town, date, at), readTownSafetyDue(ports, town, date)]);
  return { ...input, safety };
}

async function readTowns(ports: ReminderSweepPorts, towns: Region[], date: string, at: Date): Promise<TownInput[]> {
  const inputs: TownInput[] = [];
  for (let start = 0; start < towns.length; start += TOWN_CONCURRENCY) {
    inputs.push(...(await Promise.all(towns.slice(start, start + TOWN_CONCURRENCY).map((town) => readTown(ports, town, date, at)))));
  }
  return inputs;
}

/** One message id per kind and day: the same in every reader's inbox, so a rerun of the day finds each one there. */
const idSuffix: Record<DigestKind, string> = { dueDigest: 'due', supervisorDigest: 'sup', guardianDigest: 'gdn' };

/** As delivered (the inbox page words it again from the counts). */
function digestTextOf(digest: AnyDigest): string {
  switch (digest.kind) {
    case 'dueDigest':
      return dueDigestText(digest.digest);
    case 'supervisorDigest':
      return supervisorDigestText(digest.digest);
    case 'guardianDigest':
      return guardianDigestText(digest.digest);
  }
}

function inboxMessageOf(reader: ReaderDigest, date: string, at: Date): AddressedMessage {
  const { kind, digest } = reader.digest;
  return {
    owner: { kind: 'user', userId: reader.userId },
    message: {
      id: messageIdOf(at, `${idSuffix[kind]}${date.replaceAll('-', '')}`),
      at: at.toISOString(),
      kind,
      childId: null,
      visitId: null,
      escalationId: null,
      digest,
      text: digestTextOf(reader.digest),
      readAt: null,
    },
  };
}

/** A town's counts for its robot message, and its supervisors' digest (null when there is nothing for them). */
function townSummaryOf(input: TownInput, date: string): TownSummary & { townId: string } {
  const overdue = input.entries.filter((entry) => entry.obligation.dueDate < date).length;
  return {
    townId: input.town.id,
    townName: input.town.name,
    date,
    overdue,
    dueSoon: input.entries.length - overdue,
    dueSoonDays: DUE_SOON_DAYS,
    supervisor: supervisorDigestOf(input.entries, input.counts, date, input.safety.items),
  };
}

/**
 * The reminders job (issue 9): each person gets one digest a day, in counts, in their inbox and, when configured, by
 * WeChat; each town's robot gets its summary. The children's directors and social workers: their visits overdue or
 * due soon. A town's supervisors: visits overdue past a week, children without a team, open disputes, visits left
 * unconfirmed past the district's limit, concerns not acknowledged, and R12's safety education falling due across the
 * town (a village's directors: their village's). Guardians: visits waiting for their answer.
 * Everything is read from indexes that hold only what is due, waiting or open (town-digest-reads.ts), never from the
 * children; each message's id is the day's, so a second run of the same day adds and sends nothing.
 */
export async function sweepReminders(ports: ReminderSweepPorts, date: string, at: Date): Promise<ReminderSweepOutcome> {
  const towns = await townsUnder(ports.regions, await ports.regions.listRoots());
  const inputs = await readTowns(ports, towns, date, at);

  // R12: a village's directors hear of its safety education in the same digest as their visits.
  const safetyByDirector = new Map(inputs.flatMap((input) => [...input.safety.byDirector]));
  const due = addSafetyDue(dueDigestsOf(inputs.flatMap((input) => input.entries), date), safetyByDirector, date);
  const summaries = inputs.map((input) => townSummaryOf(input, date));
  const supervisorReaders = inputs.flatMap((input, i): ReaderDigest[] => {
    const digest = summaries[i].supervisor;
    return digest === null ? [] : input.supervisors.map((user) => ({ userId: user.id, digest: { kind: 'supervisorDigest', digest } }));
  });
  // Read with the town's supervisors already: their openids need no second read.
  const known = new Map(inputs.flatMap((input) => input.supervisors).map((user): [string, User] => [user.id, user]));

  const pending = inputs.flatMap((input) => input.pending);
  const childIds = [...new Set(pending.map((visit) => visit.childId))];
  const children = childIds.length === 0 ? [] : [...(await ports.records.read({ children: childIds })).children.values()];
  const guardians = guardianDigestsOf(pending, children, date);

  const readers: ReaderDigest[] = [
    ...[...due].map(([userId, digest]): ReaderDigest => ({ userId, digest: { kind: 'dueDigest', digest } })),
    ...supervisorReaders,
    ...[...guardians].map(([userId, digest]): ReaderDigest => ({ userId, digest: { kind: 'guardianDigest', digest } })),
  ];
  const delivered = await ports.inbox.deliverNew(readers.map((reader) => inboxMessageOf(reader, date, at)));
  const outside = await sendDigestsOutside(ports, date, at, readers, summaries, known);
  return {
    towns: towns.length,
    people: due.size,
    supervisors: supervisorReaders.length,
    guardians: guardians.size,
    delivered,
    ...outside,
  };
}
