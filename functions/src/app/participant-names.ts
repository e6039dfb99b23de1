import type { User } from '../domain/user.js';

/** The names of the accounts a step read, for the visit views that show who came. */
export function namesOf(users: ReadonlyMap<string, User>): Map<string, string> {
  return new Map([...users.values()].map((user) => [user.id, user.name]));
}
