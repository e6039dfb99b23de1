import type { RegionPath } from '../../../functions/src/domain/region';
import type { Scope } from '../api/types';
import { labelOf, regionLevelNames } from './labels';

/** 2026-11-23 → 2026年11月23日 */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return isoDate;
  return `${y}年${m}月${d}日`;
}

/** What a list shows for a value the record does not have, or that is masked away for this role. */
export function orUnrecorded(value: string | null | undefined): string {
  return value === null || value === undefined || value === '' ? '未登记' : value;
}

/** Names of a list joined the Chinese way: 张*明、李* */
export function joinNames(names: readonly string[]): string {
  return names.join('、');
}

/** The village (村/居) of a child, by the names the list answer carries; blank rather than an id when unknown. */
export function villageNameOf(region: RegionPath, regionNames: Record<string, string>): string {
  return regionNames[region.villageId] ?? '';
}

/** 青松镇 · 青松村 — the town and village a child lives in, as far as the names are known. */
export function placeNameOf(region: RegionPath, regionNames: Record<string, string>): string {
  return [region.townId, region.villageId]
    .map((id) => regionNames[id])
    .filter((name): name is string => Boolean(name))
    .join(' · ');
}

/** The area a worker is responsible for: its name when known, else the level (本村/居, 本镇/街道, …). */
export function describeScope(
  scope: Scope | null,
  scopeName: string | null | undefined,
  regionNames: Record<string, string> = {},
): string {
  if (!scope) return '';
  return scopeName || regionNames[scope.regionId] || `本${labelOf(regionLevelNames, scope.level)}`;
}
