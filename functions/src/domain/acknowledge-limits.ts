import { z } from 'zod';
import { ACKNOWLEDGE_LIMIT_MAX_HOURS, ACKNOWLEDGE_LIMIT_MIN_HOURS, DEFAULT_ACKNOWLEDGE_LIMITS } from './acknowledge-limit-defaults.js';

export { DEFAULT_ACKNOWLEDGE_LIMITS };

/**
 * How long each level has to acknowledge what reaches it (issue 8, parts 3 and 4), set by the district with its
 * policy. Every field is optional: a district that sets none, or only one, gets the defaults for the rest.
 */
const hours = z.number().int().min(ACKNOWLEDGE_LIMIT_MIN_HOURS).max(ACKNOWLEDGE_LIMIT_MAX_HOURS);

export const acknowledgeLimitsSchema = z
  .object({
    /** A difficult case (R6) not marked urgent: each level acknowledges within this many hours. */
    escalationHours: hours.optional(),
    /** An urgent difficult case, at each level. */
    urgentEscalationHours: hours.optional(),
    /** An urgent concern report (R17): unacknowledged this long, it is raised to the supervisor, then the district. */
    urgentConcernHours: hours.optional(),
  })
  .strict();
export type AcknowledgeLimitsSetting = z.infer<typeof acknowledgeLimitsSchema>;
export type AcknowledgeLimits = Required<AcknowledgeLimitsSetting>;

const HOUR_MS = 3_600_000;

/** The limits a district's policy sets, each unset one at its default. */
export function acknowledgeLimitsOf(policy: { acknowledgeLimits?: AcknowledgeLimitsSetting }): AcknowledgeLimits {
  return { ...DEFAULT_ACKNOWLEDGE_LIMITS, ...stripUnset(policy.acknowledgeLimits ?? {}) };
}

function stripUnset(setting: AcknowledgeLimitsSetting): AcknowledgeLimitsSetting {
  return Object.fromEntries(Object.entries(setting).filter(([, value]) => value !== undefined));
}

/** When a level that received a difficult case at `raisedAt` must have acknowledged it. */
export function escalationAcknowledgeBy(raisedAt: Date, urgent: boolean, limits: AcknowledgeLimits): Date {
  return new Date(raisedAt.getTime() + (urgent ? limits.urgentEscalationHours : limits.escalationHours) * HOUR_MS);
}

/** When an urgent report reported (or raised) at `from` is raised (again) unless someone acknowledged it. */
export function urgentConcernAcknowledgeBy(from: Date, limits: AcknowledgeLimits): Date {
  return new Date(from.getTime() + limits.urgentConcernHours * HOUR_MS);
}
