import { DEFAULT_ACKNOWLEDGE_LIMITS } from '../../../functions/src/domain/acknowledge-limit-defaults';
import { formatDateTime } from './beijing-time';

/** How long each level has to acknowledge a difficult case (issue 8, R6): the district sets it with its policy. */
export interface EscalationLimits {
  escalationHours: number;
  urgentEscalationHours: number;
}

export const defaultEscalationLimits: EscalationLimits = {
  escalationHours: DEFAULT_ACKNOWLEDGE_LIMITS.escalationHours,
  urgentEscalationHours: DEFAULT_ACKNOWLEDGE_LIMITS.urgentEscalationHours,
};

/** The limits of a district's policy (its `acknowledgeLimits`), each unset one at its default. */
export function escalationLimitsOf(setting: Partial<EscalationLimits> | undefined): EscalationLimits {
  return {
    escalationHours: setting?.escalationHours ?? defaultEscalationLimits.escalationHours,
    urgentEscalationHours: setting?.urgentEscalationHours ?? defaultEscalationLimits.urgentEscalationHours,
  };
}

const DAY_HOURS = 24;

/** 24 小时, 36 小时, 3 天: whole days from two days on, as a cadre would say it. */
export function durationText(hours: number): string {
  return hours >= 2 * DAY_HOURS && hours % DAY_HOURS === 0 ? `${hours / DAY_HOURS} 天` : `${hours} 小时`;
}

/** What the urgent choice means, said on each side of it: 24 小时内受理 / 3 天内受理. */
export function acknowledgeWithinText(urgent: boolean, limits: EscalationLimits): string {
  return `${durationText(urgent ? limits.urgentEscalationHours : limits.escalationHours)}内受理`;
}

/** 须在 12月3日 14:00 前受理, or that the time has passed. */
export function acknowledgeByText(acknowledgeBy: string, overdue: boolean, now: Date): string {
  const when = formatDateTime(acknowledgeBy, now);
  return overdue ? `已超过受理期限（${when}）` : `须在 ${when} 前受理`;
}
