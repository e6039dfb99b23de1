import { shanghaiDateOf } from './beijing-time';

/** The `count` Beijing months before the one `now` falls in, last month first (YYYY-MM). */
export function lastMonths(now: Date, count: number): string[] {
  const [year, month] = shanghaiDateOf(now).split('-').map(Number);
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - (i + 1);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/** 2026-11 → 2026年11月 */
export function monthText(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return `${year}年${m}月`;
}
