import type { Region } from '../domain/region.js';
import type { RegionRepository } from '../store/ports.js';

/** What people leave off a place's name when they write it (东湾 for 东湾村, 渡口 for 渡口街道). */
const SUFFIX = /(村民委员会|居民委员会|村委会|居委会|街道|社区|村|镇|乡)$/u;

function isNamedIn(words: string, region: Pick<Region, 'name'>): boolean {
  if (words.includes(region.name)) return true;
  const short = region.name.replace(SUFFIX, '');
  return short.length >= 2 && short !== region.name && words.includes(short);
}

async function childrenOfAll(regions: Pick<RegionRepository, 'listChildrenOf'>, parents: readonly Region[]): Promise<Region[]> {
  return (await Promise.all(parents.map((parent) => regions.listChildrenOf(parent.id)))).flat();
}

/**
 * The villages a reporter's words name (issue 10: 在哪里 in a chat, where the mini-program has a picker). Walks the
 * tree a level at a time, each level's queries at once (cities, districts, towns: one query per region above the
 * villages); when several villages share the name, a town also named keeps only its own.
 */
export async function findVillagesNamedIn(regions: Pick<RegionRepository, 'listRoots' | 'listChildrenOf'>, words: string): Promise<Region[]> {
  const cities = await regions.listRoots();
  const districts = await childrenOfAll(regions, cities);
  const towns = (await childrenOfAll(regions, districts)).filter((region) => region.level === 'town');
  const villages = (await childrenOfAll(regions, towns)).filter((region) => region.level === 'village');
  const named = villages.filter((village) => isNamedIn(words, village));
  if (named.length <= 1) return named;
  const townsNamed = new Set(towns.filter((town) => isNamedIn(words, town)).map((town) => town.id));
  const inTown = named.filter((village) => village.parentId !== null && townsNamed.has(village.parentId));
  return inTown.length > 0 ? inTown : named;
}
