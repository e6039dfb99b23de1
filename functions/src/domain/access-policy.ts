import type { Child, ChildProfilePatch } from './child.js';
import { guardianUserIdsOf } from './child.js';
import { isWithinScope, type RegionLevel, type RegionPath } from './region.js';
import { rolesThatSignThePledge, type Actor, type Role } from './user.js';

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
  // The social worker's assessment decides categories, circumstances and the risk grade (R14, R18).
  // R19 follow-up triggers come from case handling: the social worker and the supervisor who owns the case (R6).
  socialWorker: ['categories', 'flags', 'riskLevel', 'followUpTriggers'],
  supervisor: [...profileFields, 'riskLevel', 'status', 'organizationId', 'followUpTriggers'],
  // Moving a child to another village or town is the district's decision.
  districtOfficer: [...profileFields, 'riskLevel', 'status', 'organizationId', 'followUpTriggers', 'region'],
};

/** Fields a role never receives: a guardian gets what a family needs, not the worker's grading (no labelling). */
export const hiddenChildFields: Record<Role, readonly (keyof Child)[]> = {
  guardian: ['idNumber', 'riskLevel', 'flags', 'categories', 'legalBasis', 'teamHistory', 'organizationId', 'followUpTriggers'],
  orgAdmin: ['idNumber', 'legalBasis'],
  volunteer: [],
  director: [],
  supervisor: [],
  socialWorker: [],
  districtOfficer: [],
  cityOfficer: [],
};

export type AccessDenial = 'pledgeMissing' | 'roleCannot' | 'notRelated';
export type AccessDecision = { allowed: true } | { allowed: false; denial: AccessDenial };

type ChildRelations = Pick<Child, 'region' | 'team' | 'guardians' | 'organizationId'>;

export function hasSignedPledgeIfRequired(actor: Actor): boolean {
  return !rolesThatSignThePledge.includes(actor.role) || actor.pledgeSignedAt !== null;
}

function isRelated(actor: Actor, child: ChildRelations): boolean {
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

function hasScopeOfItsLevel(actor: Actor): boolean {
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

/**
 * Issue 3: who records a visit and who answers it. A check-in is made by the social worker of the child's team
 * (R3: the assigned social worker) or the children's director of the child's village (R11); a confirmation only by
 * one of the child's guardians, on their own account (it replaces their signature in the care handbook).
 */
export type VisitAction = 'checkIn' | 'confirm';

export function decideVisitAccess(actor: Actor, action: VisitAction, child: ChildRelations): AccessDecision {
  const mayTry =
    action === 'confirm' ? actor.role === 'guardian' : actor.role === 'socialWorker' || actor.role === 'director';
  if (!mayTry) return { allowed: false, denial: 'roleCannot' };
  if (!hasSignedPledgeIfRequired(actor)) return { allowed: false, denial: 'pledgeMissing' };
  if (!isRelated(actor, child)) return { allowed: false, denial: 'notRelated' };
  return { allowed: true };
}

/** The people whose own schedule of visits and contacts exists: the performers of R3 and R11. */
export function mayHaveOwnObligations(actor: Actor): boolean {
  if (actor.role === 'socialWorker') return hasSignedPledgeIfRequired(actor);
  return actor.role === 'director' && hasScopeOfItsLevel(actor);
}

/** Where a town sits: enough to tell whether an officer's area contains it. */
export type TownPath = Pick<RegionPath, 'cityId' | 'districtId' | 'townId'>;

/**
 * The town's follow-up work (what is due across it, disputed and unconfirmed visits) is overseen by its supervisor
 * and by the officers of its district and city.
 */
export function decideTownOversight(actor: Actor, town: TownPath): AccessDecision {
  const level = ({ supervisor: 'town', districtOfficer: 'district', cityOfficer: 'city' } as const)[
    actor.role as 'supervisor' | 'districtOfficer' | 'cityOfficer'
  ];
  if (level === undefined) return { allowed: false, denial: 'roleCannot' };
  const regionId = { town: town.townId, district: town.districtId, city: town.cityId }[level];
  if (!hasScopeOfItsLevel(actor) || actor.scope!.regionId !== regionId) return { allowed: false, denial: 'notRelated' };
  return { allowed: true };
}

/**
 * A district's visit policy: read by the staff who work in the district (whose district the caller resolves from
 * the actor's scope or organization) and by the city's officers; changed only by the district's own officers.
 */
export type PolicyAction = 'read' | 'update';

export function decideDistrictPolicyAccess(
  actor: Actor,
  action: PolicyAction,
  district: Pick<RegionPath, 'cityId' | 'districtId'>,
  actorDistrictId: string | null,
): AccessDecision {
  if (actor.role === 'guardian' || actor.role === 'volunteer') return { allowed: false, denial: 'roleCannot' };
  if (!hasSignedPledgeIfRequired(actor)) return { allowed: false, denial: 'pledgeMissing' };
  const related =
    actor.role === 'cityOfficer'
      ? hasScopeOfItsLevel(actor) && actor.scope!.regionId === district.cityId
      : actorDistrictId === district.districtId;
  if (!related) return { allowed: false, denial: 'notRelated' };
  if (action === 'update' && actor.role !== 'districtOfficer') return { allowed: false, denial: 'roleCannot' };
  return { allowed: true };
}
