import type { RegionLevel, RegionPath } from '../region.js';
import type { Actor } from '../user.js';
import { hasScopeOfItsLevel, type AccessDecision } from './child-access.js';

/** A region whose monthly report is asked for, with the ids above it (those at and above its level). */
export interface ReportRegion {
  level: RegionLevel;
  path: Partial<RegionPath>;
}

export type ReportAction = 'read' | 'submit';

const overseeingLevel = { supervisor: 'town', districtOfficer: 'district', cityOfficer: 'city' } as const;
const pathKeyOf = { town: 'townId', district: 'districtId', city: 'cityId' } as const;

/**
 * R4's monthly reports: figures only (no child named), read by those who oversee the region (the town's supervisor,
 * the district's and the city's officers, each for the regions within their own); sent up only by the region's own
 * post (a town's by its supervisor, a district's by its officer). A level above reads a report but never sends it
 * in the name of the level below.
 */
export function decideMonthlyReportAccess(actor: Actor, action: ReportAction, region: ReportRegion): AccessDecision {
  const level = overseeingLevel[actor.role as keyof typeof overseeingLevel];
  if (level === undefined) return { allowed: false, denial: 'roleCannot' };
  if (!hasScopeOfItsLevel(actor) || region.path[pathKeyOf[level]] !== actor.scope!.regionId) {
    return { allowed: false, denial: 'notRelated' };
  }
  if (action === 'submit' && region.level !== level) return { allowed: false, denial: 'roleCannot' };
  if (action === 'submit' && level === 'city') return { allowed: false, denial: 'roleCannot' };
  return { allowed: true };
}
