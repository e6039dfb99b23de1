import { decideDistrictTrackerAccess, decideTownTrackerAccess } from '../domain/access-policy.js';
import { ForbiddenError, NotFoundError } from '../domain/errors.js';
import type { Region } from '../domain/region.js';
import { r12SummaryOf, r12TrackerOf, trackedRangeOf, type R12Row, type R12TownSummary } from '../domain/safety-tracker.js';
import { isDrowningSeason, DROWNING_SEASON_HINT } from '../domain/safety-topics.js';
import { shanghaiDate, type Clock } from '../domain/time.js';
import type { Actor } from '../domain/user.js';
import type { RecordReader, RegionRepository, SafetySessions, Schools } from '../store/ports.js';

export type SafetyTrackerPorts = {
  records: RecordReader;
  regions: Pick<RegionRepository, 'listChildrenOf'>;
  schools: Pick<Schools, 'listInTown'>;
  safetySessions: Pick<SafetySessions, 'listInTown'>;
  clock: Clock;
};

export interface TownTracker {
  today: string;
  town: { id: string; name: string };
  rows: R12Row[];
  seasonalHint: string | null;
}

async function rowsOf(ports: SafetyTrackerPorts, towns: readonly Region[], today: string): Promise<{ rows: R12Row[]; tracked: Awaited<ReturnType<typeof trackedOf>>[] }> {
  const { from, until } = trackedRangeOf(today);
  const tracked = await Promise.all(towns.map((town) => trackedOf(ports, town, from, until)));
  const rows = r12TrackerOf(tracked, tracked.flatMap((town) => town.sessions), today);
  return { rows, tracked };
}

async function trackedOf(ports: SafetyTrackerPorts, town: Region, from: string, until: string) {
  const [villages, schools, sessions] = await Promise.all([
    ports.regions.listChildrenOf(town.id),
    ports.schools.listInTown(town.id),
    ports.safetySessions.listInTown(town.id, from, until),
  ]);
  return {
    id: town.id,
    name: town.name,
    villages: villages.filter((v) => v.level === 'village').map(({ id, name }) => ({ id, name })),
    schools: schools.map(({ id, name }) => ({ id, name })),
    sessions,
  };
}

/** A seasonal hint on the tracker too: from April to June, 防溺水 still due in a village comes first. */
function drowningFirst(rows: R12Row[], today: string): R12Row[] {
  if (!isDrowningSeason(today)) return rows;
  return rows.map((row) => ({ ...row, items: [...row.items].sort((a, b) => Number(b.requirement === 'villageDrowning') - Number(a.requirement === 'villageDrowning')) }));
}

/** R12's tracker of a town: every row for its supervisor and its district's officers, a director's own village's row. */
export async function readTownTracker(ports: SafetyTrackerPorts, actor: Actor, townId: string): Promise<TownTracker> {
  const notFound = () => new NotFoundError('未找到该镇（街道）', 'townId');
  const villageId = actor.role === 'director' && actor.scope?.level === 'village' ? actor.scope.regionId : null;
  const read = await ports.records.read({ regions: villageId ? [townId, villageId] : [townId] });
  const town = read.regions.get(townId);
  if (town === undefined || town.level !== 'town' || town.parentId === null) throw notFound();
  const decision = decideTownTrackerAccess(actor, { districtId: town.parentId, townId }, villageId ? (read.regions.get(villageId)?.parentId ?? null) : null);
  if (!decision.allowed) {
    if (decision.denial === 'notRelated') throw notFound().refusing({ action: 'request', reason: decision.denial });
    throw new ForbiddenError('当前角色不查看安全教育进度').refusing({ action: 'request', reason: decision.denial });
  }
  const today = shanghaiDate(ports.clock());
  const { rows } = await rowsOf(ports, [town], today);
  const visible = decision.rows === 'all' ? rows : rows.filter((row) => row.kind === 'village' && row.id === decision.villageId);
  return { today, town: { id: town.id, name: town.name }, rows: drowningFirst(visible, today), seasonalHint: isDrowningSeason(today) ? DROWNING_SEASON_HINT : null };
}

export interface DistrictTracker {
  today: string;
  district: { id: string; name: string };
  towns: R12TownSummary[];
}

/** R12's summary of a district for its officers: per town, its quarter, its villages and its schools done. */
export async function readDistrictTracker(ports: SafetyTrackerPorts, actor: Actor, districtId: string): Promise<DistrictTracker> {
  const district = (await ports.records.read({ regions: [districtId] })).regions.get(districtId);
  if (district === undefined || district.level !== 'district') throw new NotFoundError('未找到该区', 'districtId');
  const decision = decideDistrictTrackerAccess(actor, districtId);
  if (!decision.allowed) {
    if (decision.denial === 'notRelated') throw new NotFoundError('未找到该区', 'districtId').refusing({ action: 'request', reason: decision.denial });
    throw new ForbiddenError('只有区民政局查看全区安全教育进度').refusing({ action: 'request', reason: decision.denial });
  }
  const today = shanghaiDate(ports.clock());
  const towns = (await ports.regions.listChildrenOf(districtId)).filter((region) => region.level === 'town');
  const { rows, tracked } = await rowsOf(ports, towns, today);
  return { today, district: { id: district.id, name: district.name }, towns: r12SummaryOf(rows, tracked, today) };
}
