import { guardianUserIdsOf, type Child } from '../child.js';
import type { InboxOwner } from '../inbox.js';
import type { Actor, Role } from '../user.js';
import type { Visit } from '../visit.js';
import { hasScopeOfItsLevel, hasSignedPledgeIfRequired } from './child-access.js';

/**
 * Who is told what about a visit (issue 7, B2 and B8), and who reads which inbox.
 *
 * The children's directors of the child's village are told of a dispute and of its outcome: every child of the
 * village is theirs to visit (R11), team or not, and problems found go to the director as well as to the supervisor
 * (R6). They are addressed through the village's inbox rather than by name, so that it is whoever is the village's
 * director when the message is read who sees it (a director moved to another village no longer may read the child),
 * as the town's inbox does for the supervisors of a child without a team.
 */

/** A guardian's dispute: the supervisor who leads the child's team (R1), or every supervisor of the town while it has none; and the village's directors. */
export function disputeAlertRecipients(child: Pick<Child, 'team' | 'region'>): InboxOwner[] {
  const supervisors: InboxOwner = child.team
    ? { kind: 'user', userId: child.team.supervisorId }
    : { kind: 'town', townId: child.region.townId };
  return [supervisors, villageOf(child)];
}

/**
 * How a dispute was settled: the visit's author (the social worker or a director), each guardian of the child with an
 * account, and the village's directors. Each person once, however many of these they are.
 */
export function disputeOutcomeRecipients(child: Pick<Child, 'guardians' | 'region'>, visit: Pick<Visit, 'recordedBy'>): InboxOwner[] {
  const people = [...new Set([visit.recordedBy, ...guardianUserIdsOf(child)])];
  return [...people.map((userId): InboxOwner => ({ kind: 'user', userId })), villageOf(child)];
}

/**
 * The inboxes an actor reads: their own, and those of the post they hold: a town's supervisor the town's (disputes
 * about children without a team, R1; difficult cases at the town), a village's director the village's, a district's
 * or a city's officer their level's (difficult cases raised to it, R6), a social organization's manager, once the
 * pledge is signed (R8), the organization's (cases about children it serves). An account whose scope does not fit its
 * role reads only its own.
 */
export function inboxesOf(actor: Actor): InboxOwner[] {
  const own: InboxOwner[] = [{ kind: 'user', userId: actor.id }];
  const regionId = hasScopeOfItsLevel(actor) ? actor.scope!.regionId : null;
  if (actor.role === 'supervisor' && regionId !== null) own.push({ kind: 'town', townId: regionId });
  if (actor.role === 'director' && regionId !== null) own.push({ kind: 'village', villageId: regionId });
  if (actor.role === 'districtOfficer' && regionId !== null) own.push({ kind: 'district', districtId: regionId });
  if (actor.role === 'cityOfficer' && regionId !== null) own.push({ kind: 'city', cityId: regionId });
  if (actor.role === 'orgAdmin' && actor.organizationId !== null && hasSignedPledgeIfRequired(actor)) {
    own.push({ kind: 'organization', organizationId: actor.organizationId });
  }
  return own;
}

/**
 * The guardian's reasons and note are quoted to the staff a dispute goes to. A guardian is never sent one, and a
 * message a guardian reads carries nobody's words but the outcome (RELIABILITY.md: no reporter, no worker's notes).
 */
export function mayReadDisputeReasonsInInbox(role: Role): boolean {
  return role !== 'guardian';
}

function villageOf(child: Pick<Child, 'region'>): InboxOwner {
  return { kind: 'village', villageId: child.region.villageId };
}
