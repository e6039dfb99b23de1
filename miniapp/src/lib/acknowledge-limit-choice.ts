import { DEFAULT_ACKNOWLEDGE_LIMITS, type AcknowledgeLimitKey } from '../../../functions/src/domain/acknowledge-limit-defaults';

/**
 * The district's acknowledgement limits on its policy page (issue 8, R6 and R17): each in hours as the API holds it,
 * said in the words of a civil-affairs office, and chosen from a few likely values.
 */
export type AcknowledgeLimitHours = Record<AcknowledgeLimitKey, number>;

export interface AcknowledgeLimitField {
  key: AcknowledgeLimitKey;
  /** What the limit is about, as the officer calls it. */
  title: string;
  /** The hours offered, in order. */
  offered: readonly number[];
  /** Said in days when it is whole days: an ordinary case is counted in days, the urgent ones in hours. */
  inDays: boolean;
}

export interface AcknowledgeLimitChip {
  /** The hours, as text (the chips' values). */
  value: string;
  label: string;
}

const DAY_HOURS = 24;

/** The three limits in the order the page shows them. */
export const acknowledgeLimitFields: readonly AcknowledgeLimitField[] = [
  { key: 'urgentEscalationHours', title: '紧急疑难个案', offered: [12, 24, 48], inDays: false },
  { key: 'escalationHours', title: '一般疑难个案', offered: [1, 2, 3, 5, 7].map((days) => days * DAY_HOURS), inDays: true },
  { key: 'urgentConcernHours', title: '紧急报告', offered: [1, 2, 4, 8], inDays: false },
];

const fieldOf = (key: AcknowledgeLimitKey): AcknowledgeLimitField => acknowledgeLimitFields.find((field) => field.key === key)!;

/** The limits in force under a policy: the district's where it set them, the defaults for the rest. */
export function limitsInForce(setting: Partial<AcknowledgeLimitHours> | undefined): AcknowledgeLimitHours {
  return {
    escalationHours: setting?.escalationHours ?? DEFAULT_ACKNOWLEDGE_LIMITS.escalationHours,
    urgentEscalationHours: setting?.urgentEscalationHours ?? DEFAULT_ACKNOWLEDGE_LIMITS.urgentEscalationHours,
    urgentConcernHours: setting?.urgentConcernHours ?? DEFAULT_ACKNOWLEDGE_LIMITS.urgentConcernHours,
  };
}

/** 12 小时, 3 天; 36 小时 where a day-counted limit is not whole days. */
export function limitDurationText(key: AcknowledgeLimitKey, hours: number): string {
  return fieldOf(key).inDays && hours % DAY_HOURS === 0 ? `${hours / DAY_HOURS} 天` : `${hours} 小时`;
}

/** What a limit asks, in a sentence: 每一级须在 24 小时内受理 / 2 小时内无人受理即提请…. */
export function limitSentence(key: AcknowledgeLimitKey, hours: number): string {
  const within = `${limitDurationText(key, hours)}内`;
  return key === 'urgentConcernHours' ? `${within}无人受理即提请镇（街道）督导员，再提请区民政局` : `每一级须在 ${within}受理`;
}

/**
 * The chips of one limit: the offered values, and the current one where it is none of them (a value set through the
 * API stays visible and selected), the default marked.
 */
export function limitChips(key: AcknowledgeLimitKey, current: number): AcknowledgeLimitChip[] {
  const hours = [...new Set([...fieldOf(key).offered, current])].sort((a, b) => a - b);
  return hours.map((h) => ({
    value: String(h),
    label: h === DEFAULT_ACKNOWLEDGE_LIMITS[key] ? `${limitDurationText(key, h)}（默认）` : limitDurationText(key, h),
  }));
}

export function sameLimits(a: AcknowledgeLimitHours, b: AcknowledgeLimitHours): boolean {
  return acknowledgeLimitFields.every(({ key }) => a[key] === b[key]);
}

/**
 * What a save sends: all three limits when the officer changed any, else none, so the stored ones stay as they are
 * (a district that never set them keeps following the defaults, should they change).
 */
export function limitsToSend(chosen: AcknowledgeLimitHours, setting: Partial<AcknowledgeLimitHours> | undefined): AcknowledgeLimitHours | undefined {
  return sameLimits(chosen, limitsInForce(setting)) ? undefined : { ...chosen };
}

/** Each limit that changed, as a sentence with what it is about: 紧急疑难个案：每一级须在 12 小时内受理. */
export function limitChanges(chosen: AcknowledgeLimitHours, setting: Partial<AcknowledgeLimitHours> | undefined): string[] {
  const inForce = limitsInForce(setting);
  return acknowledgeLimitFields
    .filter(({ key }) => chosen[key] !== inForce[key])
    .map(({ key, title }) => `${title}：${limitSentence(key, chosen[key])}`);
}

/** The changes in a few words, for the footer: 紧急疑难个案改为 12 小时，紧急报告改为 4 小时. */
export function limitChangesInShort(chosen: AcknowledgeLimitHours, setting: Partial<AcknowledgeLimitHours> | undefined): string {
  const inForce = limitsInForce(setting);
  return acknowledgeLimitFields
    .filter(({ key }) => chosen[key] !== inForce[key])
    .map(({ key, title }) => `${title}改为 ${limitDurationText(key, chosen[key])}`)
    .join('，');
}

/** A change counts from when a case or report reaches a level: deadlines already running keep their time. */
export const LIMITS_TAKE_EFFECT_NOTE = '保存后到达各级的个案和报告按新时限，已在计时的不变';
