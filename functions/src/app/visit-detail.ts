import type { Child } from '../domain/child.js';
import { NotFoundError } from '../domain/errors.js';
import type { Actor } from '../domain/user.js';
import type { Visit } from '../domain/visit.js';
import { visitActionsFor, type VisitActions } from '../domain/visit-actions.js';
import type { RecordReader } from '../store/ports.js';
import { namesOf } from './participant-names.js';

/** One visit as its page shows it: the child it is about, the names of everyone it mentions, what the reader may do. */
export interface VisitDetail {
  actor: Actor;
  child: Child;
  visit: Visit;
  /** Who came, who recorded it, who answered, settled or corrected it, by account. */
  names: Map<string, string>;
  /** The village the visit was made in, by name ('' when the region is unknown). */
  villageName: string;
  actions: VisitActions;
}

export const visitNotFound = () => new NotFoundError('未找到该走访记录', 'visitId');

/** Every account a visit names, those its first record said came included (its history shows them). */
export function peopleOf(visit: Visit): string[] {
  return [
    ...visit.participantIds,
    ...(visit.asRecorded?.participantIds ?? []),
    visit.recordedBy,
    ...(visit.confirmation.byUserId ? [visit.confirmation.byUserId] : []),
    ...(visit.resolution ? [visit.resolution.byUserId] : []),
    ...visit.corrections.map((correction) => correction.byUserId),
  ];
}

/** What the page names besides the visit itself: the people it mentions and its village, in one batch read. */
export async function namesOnPageOf(records: RecordReader, visit: Visit): Promise<Pick<VisitDetail, 'names' | 'villageName'>> {
  const { users, regions } = await records.read({ users: peopleOf(visit), regions: [visit.region.villageId] });
  return { names: namesOf(users), villageName: regions.get(visit.region.villageId)?.name ?? '' };
}

/** The names on the visit's page (one batch read) and what the actor may do with it now. */
export async function visitDetailOf(ports: { records: RecordReader }, actor: Actor, child: Child, visit: Visit, now: Date): Promise<VisitDetail> {
  return { actor, child, visit, ...(await namesOnPageOf(ports.records, visit)), actions: visitActionsFor(actor, child, visit, now) };
}
