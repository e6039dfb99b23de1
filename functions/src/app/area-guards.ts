import { decideDistrictPolicyAccess, decideTownOversight, type PolicyAction, type TownPath } from '../domain/access-policy.js';
import { ForbiddenError, NotFoundError } from '../domain/errors.js';
import type { Region } from '../domain/region.js';
import type { Actor } from '../domain/user.js';
import type { RecordReader } from '../store/ports.js';

/**
 * Access to a town's or a district's work as a whole (not to one child): the region must exist at that level, and
 * the access policy decides. A role that never may is told so (403); someone whose area is elsewhere gets the same
 * 404 as for a region that does not exist.
 */
type Reads = { records: RecordReader };

async function regionAt(ports: Reads, id: string, level: Region['level']): Promise<Region | null> {
  const region = (await ports.records.read({ regions: [id] })).regions.get(id);
  return region?.level === level ? region : null;
}

export async function loadOverseenTown(ports: Reads, actor: Actor, townId: string): Promise<{ town: Region; path: TownPath }> {
  const town = await regionAt(ports, townId, 'town');
  const district = town?.parentId ? await regionAt(ports, town.parentId, 'district') : null;
  if (!town || !district?.parentId) throw new NotFoundError('未找到该镇（街道）', 'townId');
  const path: TownPath = { cityId: district.parentId, districtId: district.id, townId: town.id };
  const decision = decideTownOversight(actor, path);
  if (!decision.allowed && decision.denial === 'roleCannot') {
    throw new ForbiddenError('当前角色无权查看镇（街道）的走访工作').refusing({ reason: decision.denial });
  }
  if (!decision.allowed) throw new NotFoundError('未找到该镇（街道）', 'townId').refusing({ reason: decision.denial });
  return { town, path };
}

/** The district an actor works in: their scope's district, or a social worker's organization's (read when needed). */
async function districtOfActor(ports: Reads, actor: Actor): Promise<string | null> {
  if (actor.scope === null) {
    if (actor.role !== 'socialWorker' || actor.organizationId === null) return null;
    const { organizations } = await ports.records.read({ organizations: [actor.organizationId] });
    return organizations.get(actor.organizationId)?.districtId ?? null;
  }
  switch (actor.scope.level) {
    case 'city':
      return null;
    case 'district':
      return actor.scope.regionId;
    case 'town':
      return (await regionAt(ports, actor.scope.regionId, 'town'))?.parentId ?? null;
    case 'village': {
      const village = await regionAt(ports, actor.scope.regionId, 'village');
      const town = village?.parentId ? await regionAt(ports, village.parentId, 'town') : null;
      return town?.parentId ?? null;
    }
  }
}

/**
 * The district whose policy the actor reads or changes, if they may. `found` is the district's region when the
 * caller already read it (with its first batch), undefined to read it here.
 */
export async function loadPolicyDistrict(
  ports: Reads,
  actor: Actor,
  districtId: string,
  action: PolicyAction,
  found?: Region | null,
): Promise<Region> {
  const region = found === undefined ? await regionAt(ports, districtId, 'district') : found;
  const district = region?.level === 'district' ? region : null;
  if (!district?.parentId) throw new NotFoundError('未找到该区', 'districtId');
  const target = { cityId: district.parentId, districtId: district.id };
  const actorDistrictId = await districtOfActor(ports, actor);
  const attempted = action === 'read' ? 'request' : (`policy.${action}` as const);
  const read = decideDistrictPolicyAccess(actor, 'read', target, actorDistrictId);
  if (!read.allowed && read.denial === 'notRelated') {
    throw new NotFoundError('未找到该区', 'districtId').refusing({ action: attempted, reason: read.denial });
  }
  if (!read.allowed) throw new ForbiddenError('当前角色无权查看走访政策').refusing({ action: attempted, reason: read.denial });
  const change = action === 'read' ? null : decideDistrictPolicyAccess(actor, action, target, actorDistrictId);
  if (change && !change.allowed) {
    throw new ForbiddenError('只有本区民政局可以修改走访政策').refusing({ action: attempted, reason: change.denial });
  }
  return district;
}
