import type { Role, User } from '../domain/user.js';
import type { Visit } from '../domain/visit.js';
import type { UserRepository } from '../store/ports.js';
import type { VisitView } from './visit-schemas.js';

/**
 * Guardians see when the visit was, who came, what was done and their own answer; the worker's notes, the
 * problems found, the R3 judgement and where the worker stood are the worker's record, not the family's.
 */
const hiddenFromGuardians = ['notes', 'problemsFound', 'r3', 'location', 'locationMissing'] as const;

export function visitViewFor(role: Role, visit: Visit, names: ReadonlyMap<string, string>): VisitView {
  const view: VisitView = { ...visit, participantNames: visit.participantIds.map((id) => names.get(id) ?? '') };
  if (role === 'guardian') for (const field of hiddenFromGuardians) delete view[field];
  return view;
}

/** The names of everyone who took part in these visits, each account read once. */
export async function participantNamesOf(
  users: UserRepository,
  visits: readonly Pick<Visit, 'participantIds'>[],
  known: readonly User[] = [],
): Promise<Map<string, string>> {
  const names = new Map(known.map((user) => [user.id, user.name]));
  const missing = [...new Set(visits.flatMap((visit) => visit.participantIds))].filter((id) => !names.has(id));
  const found = await Promise.all(missing.map((id) => users.get(id)));
  for (const user of found) if (user) names.set(user.id, user.name);
  return names;
}
