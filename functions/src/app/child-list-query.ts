import { childListScopeFor, decideChildListQuery, type ChildListQuery } from '../domain/access-policy.js';
import type { ChildListFilter } from '../domain/child-list-filter.js';
import { ForbiddenError } from '../domain/errors.js';
import type { Region, RegionPath } from '../domain/region.js';
import type { Actor, Principal } from '../domain/user.js';
import type { RecordReader } from '../store/ports.js';
import { actorFrom } from './actor.js';

type Reads = { records: RecordReader };

const refusedFilterMessages: Record<keyof ChildListFilter, string> = {
  q: '当前角色不能按姓名搜索儿童',
  villageId: '所选村（居）不在您的辖区内',
  riskLevel: '当前角色不能按风险等级筛选儿童',
  category: '当前角色不能按儿童类别筛选',
};

/**
 * Who is asking and which children their list covers under this filter (domain/access: decideChildListQuery). One
 * batch reads the user and the village; an area's list then reads the village's town and district, to know whether
 * the village lies within the area. A refusal names the filter it is about.
 */
export async function resolveChildListQuery(
  ports: Reads,
  principal: Principal,
  filter: ChildListFilter,
  action: 'child.list' | 'child.count',
): Promise<{ actor: Actor; query: ChildListQuery }> {
  const villageId = filter.villageId;
  const found = await ports.records.read({ users: [principal.userId], regions: villageId === undefined ? [] : [villageId] });
  const actor = actorFrom(principal, found.users.get(principal.userId));
  const areaList = childListScopeFor(actor).kind === 'region';
  const village = villageId !== undefined && areaList ? await villagePathOf(ports, found.regions.get(villageId)) : null;
  const decision = decideChildListQuery(actor, filter, village);
  if (!decision.allowed) {
    const message = decision.field === null ? '当前账号无权查看儿童名单' : refusedFilterMessages[decision.field];
    throw new ForbiddenError(message, decision.field ?? undefined).refusing({ action, reason: decision.denial });
  }
  return { actor, query: decision.query };
}

/** Where a village sits, read up through its town and district; null when it is not a village of a known district. */
async function villagePathOf(ports: Reads, village: Region | undefined): Promise<RegionPath | null> {
  if (village?.level !== 'village' || village.parentId === null) return null;
  const town = (await ports.records.read({ regions: [village.parentId] })).regions.get(village.parentId);
  if (town?.level !== 'town' || town.parentId === null) return null;
  const district = (await ports.records.read({ regions: [town.parentId] })).regions.get(town.parentId);
  if (district?.level !== 'district' || district.parentId === null) return null;
  return { cityId: district.parentId, districtId: district.id, townId: town.id, villageId: village.id };
}
