import type { ChildDetail, DueItem } from '../api';
import {
  mergeChildDetail,
  mergeChildObligations,
  mergeDueList,
  type ChildBasics,
  type ChildBasicsMap,
} from '../lib/child-basics';
import { snapshots } from './offline-data';
import { knownRegionNames } from './region-names';
import { currentSession } from './session';

/**
 * The basics of the worker's children, kept on the phone (issue 7, B6): learnt from the due list, from each child
 * opened and from its obligations, so the check-in form knows the child's name, team and R3 without network, even
 * for a due child never opened on this phone.
 */
const NAME = 'childBasics';

function update(change: (map: ChildBasicsMap, now: Date) => ChildBasicsMap): void {
  const userId = currentSession()?.user.id;
  if (!userId) return;
  const map = snapshots.load<ChildBasicsMap>(userId, NAME)?.data ?? {};
  const now = new Date();
  snapshots.save(userId, NAME, change(map, now), now);
}

export function childBasicsOf(childId: string): ChildBasics | undefined {
  const userId = currentSession()?.user.id;
  return userId ? snapshots.load<ChildBasicsMap>(userId, NAME)?.data[childId] : undefined;
}

export function rememberDueList(items: readonly DueItem[]): void {
  update((map, now) => mergeDueList(map, items, now));
}

export function rememberChild(child: ChildDetail): void {
  update((map, now) => mergeChildDetail(map, child, knownRegionNames()[child.region.villageId] ?? '', now));
}

export function rememberObligations(childId: string, obligations: readonly DueItem[]): void {
  update((map, now) => mergeChildObligations(map, childId, obligations, now));
}
