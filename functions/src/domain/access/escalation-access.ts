import type { EscalationLevel } from '../escalation-levels.js';
import type { EscalationStepAction } from '../escalation-lifecycle.js';
import type { Actor, Role } from '../user.js';
import { decideChildAccess, hasScopeOfItsLevel, type AccessDecision, type ChildRelations } from './child-access.js';

/**
 * Difficult cases (R6): raised by the child's social worker or children's director; owned at each level by that
 * level's officer (the town's supervisor, then the district's, then the city's); read by everyone who works the
 * child's case (the director and the organization are told). Never by the family: the case file holds the workers'
 * judgement of the family. Relations come from the child's record as it is now, so a new social worker sees the trail.
 */
const raiserRoles: readonly Role[] = ['socialWorker', 'director'];
const readerRoles: readonly Role[] = ['socialWorker', 'director', 'orgAdmin', 'supervisor', 'districtOfficer', 'cityOfficer'];

export const escalationHandlerOf: Readonly<Record<EscalationLevel, Role>> = {
  town: 'supervisor',
  district: 'districtOfficer',
  city: 'cityOfficer',
};

const allowed: AccessDecision = { allowed: true };

/** Raising a case about a child the actor may read; one they may not read is not found (the caller says 404). */
export function decideEscalationRaise(actor: Actor, child: ChildRelations): AccessDecision {
  const read = decideChildAccess(actor, 'read', child);
  if (!read.allowed) return read;
  return raiserRoles.includes(actor.role) ? allowed : { allowed: false, denial: 'roleCannot' };
}

export type EscalationAction = 'read' | EscalationStepAction;

/**
 * Reading a case and taking a step at the level that holds it. Any denial of a read is answered as "not found": a
 * family member who may read the child must not learn that a case about it exists.
 */
export function decideEscalationAccess(actor: Actor, action: EscalationAction, escalation: { level: EscalationLevel }, child: ChildRelations): AccessDecision {
  if (!readerRoles.includes(actor.role)) return { allowed: false, denial: 'roleCannot' };
  const read = decideChildAccess(actor, 'read', child);
  if (!read.allowed) return read;
  if (action === 'read') return allowed;
  return escalationHandlerOf[escalation.level] === actor.role ? allowed : { allowed: false, denial: 'roleCannot' };
}

/** The level whose queue the actor works: their own, in their own area. */
export function escalationQueueOf(actor: Actor): { level: EscalationLevel; regionId: string } | null {
  const level = (Object.keys(escalationHandlerOf) as EscalationLevel[]).find((l) => escalationHandlerOf[l] === actor.role);
  if (level === undefined || !hasScopeOfItsLevel(actor)) return null;
  return { level, regionId: actor.scope!.regionId };
}
