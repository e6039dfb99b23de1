/**
 * What to say next to the field: the server writes `字段 tried 不能只有空格或不可见字符` for the whole request; beside
 * the field, its code name is noise (and English).
 */
export function fieldMessageOf(problem: { field?: string; title: string; detail?: string }): string {
  const text = problem.detail ?? problem.title;
  const prefix = problem.field ? `字段 ${problem.field} ` : null;
  return prefix && text.startsWith(prefix) ? text.slice(prefix.length) : text;
}
