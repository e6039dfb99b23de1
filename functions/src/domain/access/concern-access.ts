import type { Concern, ConcernStatus } from '../concern.js';
import type { RegionPath } from '../region.js';
import { isWithinScope } from '../region.js';
import type { Actor, Role } from '../user.js';
import { hasScopeOfItsLevel, type AccessDecision } from './child-access.js';

/**
 * Issue 8 (R6, R17): a concern is handled where it happened: the village's children's director and the town's
 * supervisor, with the district's officer above them. The director takes it in and looks into it; assessing the
 * risk, referring and closing are the supervisor's or the district's.
 */
const handlerLevel: Partial<Record<Role, 'village' | 'town' | 'district'>> = {
  director: 'village',
  supervisor: 'town',
  districtOfficer: 'district',
};

const stepRoles: Record<Exclude<ConcernStatus, 'received'>, readonly Role[]> = {
  acknowledged: ['director', 'supervisor', 'districtOfficer'],
  investigating: ['director', 'supervisor', 'districtOfficer'],
  assessed: ['supervisor', 'districtOfficer'],
  assisting: ['director', 'supervisor', 'districtOfficer'],
  referred: ['supervisor', 'districtOfficer'],
  closed: ['supervisor', 'districtOfficer'],
};

/** The roles that handle concerns in their area and see its queue. */
export function handlesConcernsAt(actor: Actor, path: RegionPath): boolean {
  const level = handlerLevel[actor.role];
  return level !== undefined && hasScopeOfItsLevel(actor) && actor.scope?.level === level && isWithinScope(path, actor.scope);
}

export type ConcernAction = 'read' | { step: Exclude<ConcernStatus, 'received'> };

/**
 * Who may read a concern and take a step. A handler out of the area is told it does not exist (API1); the reporter
 * reads their own report's status through `statusViewOf`, never the concern itself (it may name the reporter).
 */
export function decideConcernAccess(actor: Actor, action: ConcernAction, concern: Pick<Concern, 'path'>): AccessDecision {
  if (!handlesConcernsAt(actor, concern.path)) return { allowed: false, denial: 'notRelated' };
  if (action === 'read') return { allowed: true };
  return stepRoles[action.step].includes(actor.role) ? { allowed: true } : { allowed: false, denial: 'roleCannot' };
}

/** Which queue a handler reads: their village's, town's or district's. */
export function concernQueueOf(actor: Actor): { level: 'village' | 'town' | 'district'; regionId: string } | null {
  const level = handlerLevel[actor.role];
  if (level === undefined || !hasScopeOfItsLevel(actor) || actor.scope?.level !== level) return null;
  return { level, regionId: actor.scope.regionId };
}
