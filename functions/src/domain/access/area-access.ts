import type { RegionPath } from '../region.js';
import type { Actor } from '../user.js';
import { hasScopeOfItsLevel, hasSignedPledgeIfRequired, type AccessDecision } from './child-access.js';

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
 * the actor's scope or organization) and by the city's officers; changed only by the district's own officers, who
 * alone may also preview a change (what it would move across the district's children).
 */
export type PolicyAction = 'read' | 'preview' | 'update';

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
  if (action !== 'read' && actor.role !== 'districtOfficer') return { allowed: false, denial: 'roleCannot' };
  return { allowed: true };
}

/** The catalogue of rules a district may choose from is the staff's reference, not a family's matter. */
export function decideRuleCatalogueAccess(actor: Actor): AccessDecision {
  return actor.role === 'guardian' ? { allowed: false, denial: 'roleCannot' } : { allowed: true };
}
