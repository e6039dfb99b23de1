import { ForbiddenError, NotFoundError, PledgeRequiredError } from '../domain/errors.js';
import { hasSignedPledgeIfRequired } from '../domain/access-policy.js';
import type { Region } from '../domain/region.js';
import type { TrackedTown } from '../domain/safety-tracker.js';
import type { Actor } from '../domain/user.js';
import type { RecordReader, RegionRepository, Schools } from '../store/ports.js';

export type SafetyAreaPorts = { records: RecordReader; regions: Pick<RegionRepository, 'listChildrenOf'>; schools: Pick<Schools, 'listInTown'> };

/**
 * The area a reader plans safety education for (R12): a director their village (in its town), a supervisor their town
 * with its villages and schools, a district officer or an organization's admin their district's towns.
 */
export interface SafetyArea {
  districtId: string;
  towns: TrackedTown[];
  /** Set when the reader's area is one village: the only audience they plan for. */
  villageId: string | null;
}

async function region(ports: SafetyAreaPorts, id: string): Promise<Region> {
  const found = (await ports.records.read({ regions: [id] })).regions.get(id);
  if (found === undefined) throw new NotFoundError('未找到所在地区');
  return found;
}

async function trackedTown(ports: SafetyAreaPorts, town: Region): Promise<TrackedTown> {
  const [villages, schools] = await Promise.all([ports.regions.listChildrenOf(town.id), ports.schools.listInTown(town.id)]);
  const named = (items: readonly { id: string; name: string }[]) => items.map(({ id, name }) => ({ id, name }));
  return { id: town.id, name: town.name, villages: named(villages.filter((v) => v.level === 'village')), schools: named(schools) };
}

export async function safetyAreaOf(ports: SafetyAreaPorts, actor: Actor): Promise<SafetyArea> {
  if (!hasSignedPledgeIfRequired(actor)) throw new PledgeRequiredError();
  const level = ({ director: 'village', supervisor: 'town', districtOfficer: 'district', orgAdmin: 'district' } as const)[
    actor.role as 'director' | 'supervisor' | 'districtOfficer' | 'orgAdmin'
  ];
  if (level === undefined || actor.scope?.level !== level) {
    throw new ForbiddenError('当前角色不安排安全教育').refusing({ action: 'request', reason: level === undefined ? 'roleCannot' : 'notRelated' });
  }
  const own = await region(ports, actor.scope.regionId);
  if (level === 'district') {
    const towns = (await ports.regions.listChildrenOf(own.id)).filter((r) => r.level === 'town');
    return { districtId: own.id, towns: await Promise.all(towns.map((town) => trackedTown(ports, town))), villageId: null };
  }
  const town = level === 'town' ? own : await region(ports, own.parentId!);
  const tracked = await trackedTown(ports, town);
  if (level === 'village') return { districtId: town.parentId!, towns: [{ ...tracked, villages: tracked.villages.filter((v) => v.id === own.id), schools: [] }], villageId: own.id };
  return { districtId: town.parentId!, towns: [tracked], villageId: null };
}
