export const REQUEST_TIMEOUT_MS = 15_000;

export function lowerCaseKeys(headers: Record<string, unknown>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) result[name.toLowerCase()] = String(value);
  return result;
}
