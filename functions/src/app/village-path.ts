import { NotFoundError } from '../domain/errors.js';
import type { Region, RegionPath } from '../domain/region.js';
import type { RecordReader } from '../store/ports.js';

/** The village's place from city down, reading up its parents (three small reads; regions never move). */
export async function villagePathOf(ports: { records: RecordReader }, villageId: string): Promise<RegionPath> {
  const at = async (id: string | null, level: Region['level']) => {
    if (id === null) return null;
    const region = (await ports.records.read({ regions: [id] })).regions.get(id);
    return region?.level === level ? region : null;
  };
  const village = await at(villageId, 'village');
  const town = await at(village?.parentId ?? null, 'town');
  const district = await at(town?.parentId ?? null, 'district');
  if (!village || !town || !district?.parentId) throw new NotFoundError('未找到该村（社区）', 'villageId');
  return { cityId: district.parentId, districtId: district.id, townId: town.id, villageId: village.id };
}
