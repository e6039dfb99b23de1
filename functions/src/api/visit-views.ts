import { visitFieldsHiddenFrom } from '../domain/access-policy.js';
import { namesOf } from '../app/participant-names.js';
import type { Role } from '../domain/user.js';
import type { Visit } from '../domain/visit.js';
import type { RecordReader } from '../store/ports.js';
import type { VisitView } from './visit-schemas.js';

/** A visit as the role may see it (the access policy says which fields it may not), with the names of who came. */
export function visitViewFor(role: Role, visit: Visit, names: ReadonlyMap<string, string>): VisitView {
  const view: VisitView = { ...visit, participantNames: visit.participantIds.map((id) => names.get(id) ?? '') };
  for (const field of visitFieldsHiddenFrom(role)) delete view[field];
  return view;
}

/** The names of everyone who took part in these visits, in one batch read (each account once). */
export async function participantNamesOf(records: RecordReader, visits: readonly Pick<Visit, 'participantIds'>[]): Promise<Map<string, string>> {
  const { users } = await records.read({ users: visits.flatMap((visit) => visit.participantIds) });
  return namesOf(users);
}
