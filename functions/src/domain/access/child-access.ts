import type { Child, ChildProfilePatch } from '../child.js';
import { guardianUserIdsOf } from '../child.js';
import { isWithinScope, type RegionLevel } from '../region.js';
import { rolesThatSignThePledge, type Actor, type Role } from '../user.js';

/**
 * The one place that decides who may do what to which child (ARCHITECTURE.md, "Who may see what"; OWASP API1,
 * API3, API5). Deny by default: a role is allowed an action only where this table says so, and only on children
 * related to the actor by scope, team or guardianship.
 */
export type ChildAction = 'read' | 'create' | 'update' | 'assignTeam';

/** How a role is related to the children it works with. */
type Relation = 'guardianOf' | 'inScope' | 'socialWorkerOf' | 'organizationOf' | 'none';

const relationOf: Record<Role, Relation> = {
  guardian: 'guardianOf',
  director: 'inScope',
  supervisor: 'inScope',
  socialWorker: 'socialWorkerOf',
  volunteer: 'none', // ARCHITECTURE.md: a volunteer sees no child records at all
  orgAdmin: 'organizationOf',
  districtOfficer: 'inScope',
  cityOfficer: 'inScope',
};

/** The level a role's scope must have for its scope to count; a mis-provisioned account gets nothing. */
const scopeLevelOf: Partial<Record<Role, RegionLevel>> = {
  director: 'village',
  supervisor: 'town',
  orgAdmin: 'district',
  districtOfficer: 'district',
  cityOfficer: 'city',
};

const allowedActions: Record<Role, readonly ChildAction[]> = {
  guardian: ['read'],
  director: ['read', 'create', 'update'],
  supervisor: ['read', 'create', 'update', 'assignTeam'],
  socialWorker: ['read', 'update'],
  volunteer: [],
  orgAdmin: ['read'],
  districtOfficer: ['read', 'create', 'update', 'assignTeam'],
  cityOfficer: ['read'],
};

type PatchField = keyof ChildProfilePatch;
const profileFields: readonly PatchField[] = [
  'name',
  'gender',
  'birthDate',
  'idNumber',
  'address',
  'categories',
  'flags',
  'guardians',
  'legalBasis',
];

/** Property-level authorization (API3): the fields each role may set. Anything else is refused, not dropped. */
export const writableChildFields: Record<Role, readonly PatchField[]> = {
  guardian: [],
  volunteer: [],
  orgAdmin: [],
  cityOfficer: [],
  director: profileFields,
  // The social worker's assessment decides categories and circumstances. The risk grade (R14) is nobody's to type
  // in (issue 12, R18): it changes only through an assessment or a supervisor's override (assessment-access.ts).
  // R19 follow-up triggers come from case handling: the social worker and the supervisor who owns the case (R6).
  socialWorker: ['categories', 'flags', 'followUpTriggers'],
  supervisor: [...profileFields, 'status', 'organizationId', 'followUpTriggers'],
  // Moving a child to another village or town is the district's decision.
  districtOfficer: [...profileFields, 'status', 'organizationId', 'followUpTriggers', 'region'],
};

/** Fields a role never receives: a guardian gets what a family needs, not the worker's grading (no labelling). */
export const hiddenChildFields: Record<Role, readonly (keyof Child)[]> = {
  guardian: ['idNumber', 'riskLevel', 'riskBasis', 'flags', 'categories', 'legalBasis', 'teamHistory', 'organizationId', 'followUpTriggers'],
  orgAdmin: ['idNumber', 'legalBasis'],
  volunteer: [],
  director: [],
  supervisor: [],
  socialWorker: [],
  districtOfficer: [],
  cityOfficer: [],
};

/** `notAuthor`: the record is someone else's to correct (issue 7, B3). */
export type AccessDenial = 'pledgeMissing' | 'roleCannot' | 'notRelated' | 'notAuthor';
export type AccessDecision = { allowed: true } | { allowed: false; denial: AccessDenial };

export type ChildRelations = Pick<Child, 'region' | 'team' | 'guardians' | 'organizationId'>;

export function hasSignedPledgeIfRequired(actor: Actor): boolean {
  return !rolesThatSignThePledge.includes(actor.role) || actor.pledgeSignedAt !== null;
}

/**
 * R8: the actor's role handles children's data but the current pledge is not signed. Asked before a record is looked
 * up, so the answer (pledge-required) is the same whether the record exists or not.
 */
export function pledgeRefusesChildData(actor: Actor): boolean {
  return allowedActions[actor.role].includes('read') && !hasSignedPledgeIfRequired(actor);
}

export function isRelated(actor: Actor, child: ChildRelations): boolean {
  switch (relationOf[actor.role]) {
    case 'guardianOf':
      return guardianUserIdsOf(child).includes(actor.id);
    case 'socialWorkerOf':
      return child.team?.socialWorkerId === actor.id;
    case 'organizationOf':
      return hasScopeOfItsLevel(actor) && actor.organizationId !== null &&
        child.organizationId === actor.organizationId && isWithinScope(child.region, actor.scope!);
    case 'inScope':
      return hasScopeOfItsLevel(actor) && isWithinScope(child.region, actor.scope!);
    case 'none':
      return false;
  }
}

export function hasScopeOfItsLevel(actor: Actor): boolean {
  const level = scopeLevelOf[actor.role];
  return level !== undefined && actor.scope !== null && actor.scope.level === level;
}

export function decideChildAccess(actor: Actor, action: ChildAction, child: ChildRelations): AccessDecision {
  if (!allowedActions[actor.role].includes(action)) return { allowed: false, denial: 'roleCannot' };
  // R8: nobody handles child data before signing the current pledge.
  if (!hasSignedPledgeIfRequired(actor)) return { allowed: false, denial: 'pledgeMissing' };
  if (!isRelated(actor, child)) return { allowed: false, denial: 'notRelated' };
  return { allowed: true };
}

/** The fields of a patch the actor's role may not set; empty means the patch may proceed. */
export function forbiddenPatchFields(actor: Actor, patch: ChildProfilePatch): PatchField[] {
  const writable = writableChildFields[actor.role];
  return (Object.keys(patch) as PatchField[]).filter((field) => !writable.includes(field));
}

/** Which children a list request covers: one query shape per relation, never a scan. */
export type ChildListScope =
  | { kind: 'region'; level: RegionLevel; regionId: string; organizationId?: string }
  | { kind: 'guardian'; userId: string }
  | { kind: 'socialWorker'; userId: string }
  | { kind: 'none' };

export function childListScopeFor(actor: Actor): ChildListScope {
  if (!allowedActions[actor.role].includes('read') || !hasSignedPledgeIfRequired(actor)) return { kind: 'none' };
  switch (relationOf[actor.role]) {
    case 'guardianOf':
      return { kind: 'guardian', userId: actor.id };
    case 'socialWorkerOf':
      return { kind: 'socialWorker', userId: actor.id };
    case 'organizationOf':
      return hasScopeOfItsLevel(actor) && actor.organizationId
        ? { kind: 'region', ...actor.scope!, organizationId: actor.organizationId }
        : { kind: 'none' };
    case 'inScope':
      return hasScopeOfItsLevel(actor) ? { kind: 'region', ...actor.scope! } : { kind: 'none' };
    case 'none':
      return { kind: 'none' };
  }
}

/** A child related to nobody: asking the policy about it isolates the denials that do not depend on the child. */
const unrelatedChild: ChildRelations = {
  region: { cityId: '-', districtId: '-', townId: '-', villageId: '-' },
  team: null,
  guardians: [],
  organizationId: null,
};

/**
 * Why a list was refused, in the policy's words: the role may not read, the pledge is missing (R8), or the
 * account's scope does not fit its role (`notRelated`).
 */
export function listDenialOf(actor: Actor): AccessDenial {
  const decision = decideChildAccess(actor, 'read', unrelatedChild);
  return decision.allowed ? 'notRelated' : decision.denial;
}
