import type { InspectionArea } from '../callback-inspection.js';
import type { GradedRole } from '../worker-evaluation.js';
import type { Actor } from '../user.js';
import { hasScopeOfItsLevel, type AccessDecision } from './child-access.js';

/**
 * Seed 000 §六(一): the city checks the districts ("随机电话回访服务对象家庭") and each district bureau checks its own
 * project monthly, so a district officer inspects their district and a city officer their city. Nobody else draws a
 * sample or sees the guardians' phones it lists: a director, a worker or a guardian would be calling families about
 * their own visits.
 */
export function inspectionAreaOf(actor: Actor, cityIdOfDistrict: (districtId: string) => string | null): InspectionArea | null {
  if ((actor.role !== 'districtOfficer' && actor.role !== 'cityOfficer') || !hasScopeOfItsLevel(actor)) return null;
  const { level, regionId } = actor.scope!;
  if (level === 'city') return { level: 'city', regionId, cityId: regionId };
  const cityId = cityIdOfDistrict(regionId);
  return cityId === null ? null : { level: 'district', regionId, cityId };
}

export function decideCallbackInspection(actor: Actor): AccessDecision {
  if (actor.role !== 'districtOfficer' && actor.role !== 'cityOfficer') return { allowed: false, denial: 'roleCannot' };
  if (!hasScopeOfItsLevel(actor)) return { allowed: false, denial: 'notRelated' };
  return { allowed: true };
}

/** A sample is read by the officers of its area: the district's own, and the city's over any of its districts. */
export function decideSampleAccess(actor: Actor, area: InspectionArea): AccessDecision {
  const inspecting = decideCallbackInspection(actor);
  if (!inspecting.allowed) return inspecting;
  const { level, regionId } = actor.scope!;
  const covers = level === 'city' ? area.cityId === regionId : area.level === 'district' && area.regionId === regionId;
  return covers ? { allowed: true } : { allowed: false, denial: 'notRelated' };
}

/**
 * R23: who grades whom. The district bureau (区民政局) contracts the organizations and registers the teams (R1), checks
 * the project monthly (000 §六(一)) and pays after acceptance (R10), so its officers grade the team posts of their
 * district: the towns' supervisors, the villages' directors and the contracted organizations' social workers. The
 * review (003 §89) is decided by the same bureau, by any of its officers.
 */
export interface WorkerPlace {
  role: GradedRole;
  districtId: string;
}

export function decideGrading(actor: Actor, worker: WorkerPlace | null): AccessDecision {
  if (actor.role !== 'districtOfficer') return { allowed: false, denial: 'roleCannot' };
  if (!hasScopeOfItsLevel(actor) || worker === null || worker.districtId !== actor.scope!.regionId) return { allowed: false, denial: 'notRelated' };
  return { allowed: true };
}

/** Only the worker graded asks for a review of their own grade. */
export function decideReviewRequest(actor: Actor, workerId: string): AccessDecision {
  return actor.id === workerId ? { allowed: true } : { allowed: false, denial: 'notRelated' };
}
