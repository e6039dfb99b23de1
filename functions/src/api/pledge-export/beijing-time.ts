/** `2026-12-01 10:05` in Beijing time (ARCHITECTURE.md: every date people see is Asia/Shanghai). */
export function beijingTimeOf(iso: string): string {
  const beijing = new Date(new Date(iso).getTime() + 8 * 3_600_000);
  return beijing.toISOString().slice(0, 16).replace('T', ' ');
}
