/**
 * The numbers of the acknowledgement limits (issue 8), apart from their zod schema (acknowledge-limits.ts) so the
 * mini-program offers and shows the same defaults and bounds the server applies without bundling zod.
 */
export type AcknowledgeLimitKey = 'escalationHours' | 'urgentEscalationHours' | 'urgentConcernHours';

/** The defaults: urgent 24 hours, otherwise 3 days; an urgent report 2 hours. */
export const DEFAULT_ACKNOWLEDGE_LIMITS: Readonly<Record<AcknowledgeLimitKey, number>> = {
  escalationHours: 72,
  urgentEscalationHours: 24,
  urgentConcernHours: 2,
};

/** Each limit is a whole number of hours from one hour to 30 days. */
export const ACKNOWLEDGE_LIMIT_MIN_HOURS = 1;
export const ACKNOWLEDGE_LIMIT_MAX_HOURS = 30 * 24;
