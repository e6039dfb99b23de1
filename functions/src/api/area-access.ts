import { decideDistrictPolicyAccess, decideTownOversight, type PolicyAction, type TownPath } from '../domain/access-policy.js';
import { ForbiddenError, NotFoundError } from '../domain/errors.js';
import type { Region } from '../domain/region.js';
import type { Actor } from '../domain/user.js';
import type { AppDeps } from './app.js';

/**
 * Access to a town's or a district's work as a whole (not to one child): the region must exist at that level, and
 * the policy (access-policy.ts) decides. A role that never may is told so (403); someone whose area is elsewhere
 * gets the same 404 as for a region that does not exist.
 */
type Deps = Pick<AppDeps, 'repositories'>;

async function regionAt(deps: Deps, id: string, level: Region['level']): Promise<Region | null> {
  const region = await deps.repositories.regions.get(id);
  return region?.level === level ? region : null;
}

export async function loadOverseenTown(deps: Deps, actor: Actor, townId: string): Promise<{ town: Region; path: TownPath }> {
  const town = await regionAt(deps, townId, 'town');
  const district = town?.parentId ? await regionAt(deps, town.parentId, 'district') : null;
  if (!town || !district?.parentId) throw new NotFoundError('未找到该镇（街道）', 'townId');
  const path: TownPath = { cityId: district.parentId, districtId: district.id, townId: town.id };
  const decision = decideTownOversight(actor, path);
  if (!decision.allowed && decision.denial === 'roleCannot') {
    throw new ForbiddenError('当前角色无权查看镇（街道）的走访工作').refusing({ reason: decision.denial });
  }
  if (!decision.allowed) throw new NotFoundError('未找到该镇（街道）', 'townId').refusing({ reason: decision.denial });
  return { town, path };
}

/** The district an actor works in: their scope's district, or a social worker's organization's. */
async function districtOfActor(deps: Deps, actor: Actor): Promise<string | null> {
  if (actor.scope === null) {
    if (actor.role !== 'socialWorker' || actor.organizationId === null) return null;
    return (await deps.repositories.organizations.get(actor.organizationId))?.districtId ?? null;
  }
  switch (actor.scope.level) {
    case 'city':
      return null;
    case 'district':
      return actor.scope.regionId;
    case 'town':
      return (await regionAt(deps, actor.scope.regionId, 'town'))?.parentId ?? null;
    case 'village': {
      const village = await regionAt(deps, actor.scope.regionId, 'village');
      const town = village?.parentId ? await regionAt(deps, village.parentId, 'town') : null;
      return town?.parentId ?? null;
    }
  }
}

export async function loadPolicyDistrict(deps: Deps, actor: Actor, districtId: string, action: PolicyAction): Promise<Region> {
  const district = await regionAt(deps, districtId, 'district');
  if (!district?.parentId) throw new NotFoundError('未找到该区', 'districtId');
  const target = { cityId: district.parentId, districtId: district.id };
  const actorDistrictId = await districtOfActor(deps, actor);
  const attempted = action === 'update' ? 'policy.update' : 'request';
  const read = decideDistrictPolicyAccess(actor, 'read', target, actorDistrictId);
  if (!read.allowed && read.denial === 'notRelated') {
    throw new NotFoundError('未找到该区', 'districtId').refusing({ action: attempted, reason: read.denial });
  }
  if (!read.allowed) throw new ForbiddenError('当前角色无权查看走访政策').refusing({ action: attempted, reason: read.denial });
  const update = action === 'update' ? decideDistrictPolicyAccess(actor, 'update', target, actorDistrictId) : null;
  if (update && !update.allowed) {
    throw new ForbiddenError('只有本区民政局可以修改走访政策').refusing({ action: attempted, reason: update.denial });
  }
  return district;
}
