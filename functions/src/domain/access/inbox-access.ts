import type { InboxOwner } from '../inbox.js';
import type { Actor } from '../user.js';

/**
 * The inboxes an actor reads: their own, and for a town's supervisor the town's, where disputes about children
 * without a team go (R1: the supervisor leads the team; without one, every supervisor of the town is told).
 */
export function inboxesOf(actor: Actor): InboxOwner[] {
  const own: InboxOwner[] = [{ kind: 'user', userId: actor.id }];
  if (actor.role === 'supervisor' && actor.scope?.level === 'town') own.push({ kind: 'town', townId: actor.scope.regionId });
  return own;
}
