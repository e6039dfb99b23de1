import type { Actor } from '../user.js';
import { hasScopeOfItsLevel, hasSignedPledgeIfRequired, type AccessDecision, type AccessDenial } from './child-access.js';

/**
 * R12: who plans and records safety-education sessions, and who reads them. Where a session sits: its audience's
 * district, town and, for a village's session, the village.
 */
export interface SessionPlace {
  districtId: string;
  townId: string;
  /** Null for a town's or a school's session. */
  villageId: string | null;
}

export type SafetySessionAction = 'read' | 'write';

/**
 * A children's director plans and records for their own village; a supervisor for their town, its villages and its
 * schools; a district officer and an organization's admin (whose scope is the district that contracts it) anywhere in
 * their district. A social worker has no area of their own (their scope is their teams' children), so they do not
 * plan for an area; guardians and volunteers read the schedule only through the guardian's home page. R8: an
 * organization's admin signs the pledge before taking part in work with children.
 */
export function decideSafetySessionAccess(actor: Actor, _action: SafetySessionAction, place: SessionPlace): AccessDecision {
  const regionOf: Partial<Record<Actor['role'], string | null>> = {
    director: place.villageId,
    supervisor: place.townId,
    districtOfficer: place.districtId,
    orgAdmin: place.districtId,
  };
  if (!(actor.role in regionOf)) return { allowed: false, denial: 'roleCannot' };
  if (!hasSignedPledgeIfRequired(actor)) return { allowed: false, denial: 'pledgeMissing' };
  if (!hasScopeOfItsLevel(actor) || actor.scope!.regionId !== regionOf[actor.role]) return { allowed: false, denial: 'notRelated' };
  return { allowed: true };
}

/** How much of a town's R12 tracker the actor sees: all its rows, or their own village's row. */
export type TrackerAccess = { allowed: true; rows: 'all' } | { allowed: true; rows: 'village'; villageId: string } | { allowed: false; denial: AccessDenial };

/**
 * R12's tracker of a town: its supervisor and its district's officers see every row; a village's director sees their
 * own village's row (`villageTownId`: the town their village belongs to, as the caller read it).
 */
export function decideTownTrackerAccess(actor: Actor, town: { districtId: string; townId: string }, villageTownId: string | null): TrackerAccess {
  if (!['director', 'supervisor', 'districtOfficer'].includes(actor.role)) return { allowed: false, denial: 'roleCannot' };
  if (!hasScopeOfItsLevel(actor)) return { allowed: false, denial: 'notRelated' };
  const regionId = actor.scope!.regionId;
  if (actor.role === 'supervisor' && regionId === town.townId) return { allowed: true, rows: 'all' };
  if (actor.role === 'districtOfficer' && regionId === town.districtId) return { allowed: true, rows: 'all' };
  if (actor.role === 'director' && villageTownId === town.townId) return { allowed: true, rows: 'village', villageId: regionId };
  return { allowed: false, denial: 'notRelated' };
}

/** R12's summary of a district: its own officers. */
export function decideDistrictTrackerAccess(actor: Actor, districtId: string): AccessDecision {
  if (actor.role !== 'districtOfficer') return { allowed: false, denial: 'roleCannot' };
  if (!hasScopeOfItsLevel(actor) || actor.scope!.regionId !== districtId) return { allowed: false, denial: 'notRelated' };
  return { allowed: true };
}
