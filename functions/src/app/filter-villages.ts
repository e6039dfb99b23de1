import { childListScopeFor, listDenialOf } from '../domain/access-policy.js';
import { ForbiddenError } from '../domain/errors.js';
import type { Region } from '../domain/region.js';
import type { Principal } from '../domain/user.js';
import { actorFrom } from './actor.js';
import type { FilterVillagesPorts } from './ports.js';

export interface FilterVillage {
  id: string;
  name: string;
  townId: string;
  townName: string;
}

const WORKER_PAGE = 100;

/**
 * The villages a list of children may be narrowed to, by name (issue 7, B8): those of the actor's area, read down
 * the region tree; for a social worker, those their children live in; none for a guardian, whose children are few.
 * A village scope lists its own village: the page can say where the list is without offering a choice.
 */
export async function villagesToFilterBy(ports: FilterVillagesPorts, principal: Principal): Promise<FilterVillage[]> {
  const found = await ports.records.read({ users: [principal.userId] });
  const actor = actorFrom(principal, found.users.get(principal.userId));
  const scope = childListScopeFor(actor);
  switch (scope.kind) {
    case 'none':
      throw new ForbiddenError('当前账号无权查看儿童名单').refusing({ reason: listDenialOf(actor) });
    case 'guardian':
      return [];
    case 'socialWorker':
      return villagesOfWorker(ports, scope);
    case 'region': {
      const area = (await ports.records.read({ regions: [scope.regionId] })).regions.get(scope.regionId);
      return area?.level === scope.level ? villagesWithin(ports, area) : [];
    }
  }
}

async function villagesWithin(ports: FilterVillagesPorts, region: Region): Promise<FilterVillage[]> {
  if (region.level === 'village') {
    const town = region.parentId ? (await ports.records.read({ regions: [region.parentId] })).regions.get(region.parentId) : undefined;
    return town ? [{ id: region.id, name: region.name, townId: town.id, townName: town.name }] : [];
  }
  const below = await ports.regions.listChildrenOf(region.id);
  if (region.level === 'town') {
    return below.filter((v) => v.level === 'village').map((v) => ({ id: v.id, name: v.name, townId: region.id, townName: region.name }));
  }
  return (await Promise.all(below.map((child) => villagesWithin(ports, child)))).flat();
}

async function villagesOfWorker(ports: FilterVillagesPorts, scope: { kind: 'socialWorker'; userId: string }): Promise<FilterVillage[]> {
  const places = new Map<string, string>();
  let cursor: string | null = null;
  do {
    const page = await ports.children.list(scope, { limit: WORKER_PAGE, cursor });
    for (const child of page.items) places.set(child.region.villageId, child.region.townId);
    cursor = page.nextCursor;
  } while (cursor !== null);
  const { regions } = await ports.records.read({ regions: [...places.keys(), ...places.values()] });
  return [...places].flatMap(([villageId, townId]) => {
    const village = regions.get(villageId);
    const town = regions.get(townId);
    return village && town ? [{ id: village.id, name: village.name, townId: town.id, townName: town.name }] : [];
  });
}
