/** 12 名: how many children the user may see (GET /children/count). */
export function formatHeadcount(count: number): string {
  return `${count} 名`;
}
