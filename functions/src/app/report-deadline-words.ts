import { shanghaiDate } from '../domain/time.js';

/**
 * A deadline at 00:00 Beijing said as people say it: "before the 16th" is the 15th's end, so 2026-11-16T00:00 Beijing
 * reads 11月15日24时 rather than a day that seems one too late.
 */
export function formatBeijingDeadline(iso: string): string {
  const lastDay = shanghaiDate(new Date(new Date(iso).getTime() - 1));
  const [, month, day] = lastDay.split('-').map(Number);
  return `${month}月${day}日24时`;
}
