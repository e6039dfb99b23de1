import type { InboxOwner } from '../inbox.js';
import type { Actor } from '../user.js';
import { hasScopeOfItsLevel, hasSignedPledgeIfRequired } from './child-access.js';

/**
 * The inboxes an actor reads: their own, and those of the post they hold: a town's supervisor the town's (disputes
 * about children without a team go there, R1: without a team every supervisor of the town is told; and difficult
 * cases at the town), a district's or a city's officer their level's (difficult cases raised to it, R6), a social
 * organization's manager, once the pledge is signed (R8), the organization's (cases about children it serves).
 */
export function inboxesOf(actor: Actor): InboxOwner[] {
  const own: InboxOwner[] = [{ kind: 'user', userId: actor.id }];
  const regionId = hasScopeOfItsLevel(actor) ? actor.scope!.regionId : null;
  if (actor.role === 'supervisor' && regionId !== null) own.push({ kind: 'town', townId: regionId });
  if (actor.role === 'districtOfficer' && regionId !== null) own.push({ kind: 'district', districtId: regionId });
  if (actor.role === 'cityOfficer' && regionId !== null) own.push({ kind: 'city', cityId: regionId });
  if (actor.role === 'orgAdmin' && actor.organizationId !== null && hasSignedPledgeIfRequired(actor)) {
    own.push({ kind: 'organization', organizationId: actor.organizationId });
  }
  return own;
}
