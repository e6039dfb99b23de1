/** Adds a value to a multiple choice, or takes it out when it is already chosen. */
export function toggleIn<T>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}
