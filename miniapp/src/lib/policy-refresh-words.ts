import type { PolicyRefreshView } from '../api/types';
import { shanghaiTimeOf } from './beijing-time';

/** How the officer's progress bar reads while the district's children are recomputed, and once they all are. */
export function refreshProgressText(refresh: PolicyRefreshView): string {
  if (refresh.status === 'done') {
    const at = refresh.finishedAt ? `（${shanghaiTimeOf(new Date(refresh.finishedAt))} 完成）` : '';
    return `已按新规则更新全部 ${refresh.total} 名儿童${at}`;
  }
  return `正在按新规则重算儿童的走访要求：已完成 ${Math.min(refresh.done, refresh.total)} / ${refresh.total} 名`;
}

/** The bar's fill, 0–100; a district without children is done at once. */
export function refreshPercent(refresh: PolicyRefreshView): number {
  if (refresh.status === 'done' || refresh.total === 0) return 100;
  return Math.min(100, Math.floor((refresh.done / refresh.total) * 100));
}
