import type { PublicRegion } from '../api/concern-types';

/**
 * Where a concern happened, picked a level at a time (市 → 区 → 镇/街道 → 村/社区) from the public place list. The
 * path holds what has been picked from the city down; it is done at a village.
 */
export type PlacePath = PublicRegion[];

const nextLevelWords: Record<string, string> = {
  city: '区',
  district: '镇（街道）',
  town: '村（社区）',
};

export function villageIdOf(path: PlacePath): string | null {
  const last = path[path.length - 1];
  return last?.level === 'village' ? last.id : null;
}

/** The region whose places are offered next (undefined: the cities), once the path is not done. */
export function parentOfNext(path: PlacePath): string | undefined {
  return path[path.length - 1]?.id;
}

/** What to choose next, as the picker asks it: 请选择市 / 区 / 镇（街道）/ 村（社区）. */
export function nextPlacePrompt(path: PlacePath): string {
  if (path.length === 0) return '请选择市';
  return `请选择${nextLevelWords[path[path.length - 1].level] ?? '下一级'}`;
}

/** Picks one of the places offered: it goes below the last one picked. */
export function pickPlace(path: PlacePath, place: PublicRegion): PlacePath {
  return [...path, place];
}

/** Back to choosing at this depth (a tap on that part of the path). */
export function backTo(path: PlacePath, depth: number): PlacePath {
  return path.slice(0, depth);
}

/** 上海市 · 松江区 · 叶榭镇 · 井凌桥村 */
export function placeText(path: PlacePath): string {
  return path.map((place) => place.name).join(' · ');
}
