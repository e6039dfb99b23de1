/**
 * Region names learnt from list answers, so a child's detail (which carries region ids only) can still say
 * which village. Kept in memory: names are not personal data and are fetched again after a restart.
 */
const names: Record<string, string> = {};

export function rememberRegionNames(more: Record<string, string>): void {
  Object.assign(names, more);
}

export function knownRegionNames(): Record<string, string> {
  return names;
}
