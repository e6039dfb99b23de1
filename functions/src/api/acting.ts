import type { Context } from 'hono';
import type { Actor, Principal } from '../domain/user.js';
import type { Env } from './context.js';

/**
 * Who is acting, for the access log and the refusal audit: the actor when a route loaded one; else the principal of
 * the verified token (a route that calls a use case, or whose input was refused before its handler ran). A use case
 * checks the principal against the stored user before it refuses anything: same id, same role.
 */
export function actingOf(c: Context<Env>): Pick<Actor, 'id' | 'role'> | null {
  const actor = c.get('actor') as Actor | undefined;
  if (actor !== undefined) return actor;
  const principal = c.get('principal') as Principal | undefined;
  return principal === undefined ? null : { id: principal.userId, role: principal.role };
}
