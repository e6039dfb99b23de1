/** R6: a difficult case the village cannot solve goes to the town, then the district, then the city. */
export const escalationLevels = ['town', 'district', 'city'] as const;
export type EscalationLevel = (typeof escalationLevels)[number];

/** The level above, or null at the top. */
export function levelAbove(level: EscalationLevel): EscalationLevel | null {
  return escalationLevels[escalationLevels.indexOf(level) + 1] ?? null;
}
