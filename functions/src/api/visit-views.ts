import { visitFieldsHiddenFrom } from '../domain/access-policy.js';
import type { Role, User } from '../domain/user.js';
import type { Visit } from '../domain/visit.js';
import type { UserRepository } from '../store/ports.js';
import type { VisitView } from './visit-schemas.js';

/** A visit as the role may see it (the access policy says which fields it may not), with the names of who came. */
export function visitViewFor(role: Role, visit: Visit, names: ReadonlyMap<string, string>): VisitView {
  const view: VisitView = { ...visit, participantNames: visit.participantIds.map((id) => names.get(id) ?? '') };
  for (const field of visitFieldsHiddenFrom(role)) delete view[field];
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
