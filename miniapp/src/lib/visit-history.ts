import type { CorrectableVisitField, VisitDetail } from '../api/types';
import { formatDateTime } from './beijing-time';
import { joinNames } from './format';
import { correctableFieldNames, labelOf } from './labels';
import { r3ResultText, servicesText } from './visit-format';

/**
 * What happened to a visit after it was recorded (issue 7, B3), in the words of its page: each correction or the
 * withdrawal, by whom, when, what it changed and why (the reason only for readers the server gives it to), and the
 * values first recorded for what was changed, kept visible as history.
 */
export interface HistoryEntry {
  kind: 'corrected' | 'withdrawn';
  /** 更正了结束时间、服务记录 · 撤回了这条记录 */
  what: string;
  /** 王晓静 · 11月23日 14:30 */
  byWhen: string;
  reason: string | null;
}

type WithNames = Pick<VisitDetail, 'names'>;

function nameOf(visit: WithNames, userId: string, fallback = '工作人员'): string {
  return visit.names[userId] || fallback;
}

function fieldsText(fields: readonly CorrectableVisitField[]): string {
  return joinNames(fields.map((field) => labelOf(correctableFieldNames, field)));
}

export function historyOf(visit: WithNames & Pick<VisitDetail, 'corrections'>, now: Date): HistoryEntry[] {
  return visit.corrections.map((correction) => ({
    kind: correction.kind,
    what: correction.kind === 'withdrawn' ? '撤回了这条记录' : `更正了${fieldsText(correction.changedFields)}`,
    byWhen: `${nameOf(visit, correction.byUserId)} · ${formatDateTime(correction.at, now)}`,
    reason: correction.reason ?? null,
  }));
}

/** A withdrawn visit stays on record, but completes nothing and asks nobody for an answer. */
export function isWithdrawn(visit: { corrections: readonly { kind: string }[] }): boolean {
  return visit.corrections.some((correction) => correction.kind === 'withdrawn');
}

/** The withdrawal, when the visit was withdrawn: who, when, why. */
export function withdrawalOf(visit: WithNames & Pick<VisitDetail, 'corrections'>, now: Date): HistoryEntry | null {
  return historyOf(visit, now).find((entry) => entry.kind === 'withdrawn') ?? null;
}

export interface FirstValue {
  /** A corrected field, or R3's verdict on the first record when a correction changed it. */
  field: CorrectableVisitField | 'r3';
  label: string;
  /** R3's verdict keeps its code in brackets, for RuleText to show as a tag. */
  value: string;
}

type AsRecorded = NonNullable<VisitDetail['asRecorded']>;

function valueText(field: CorrectableVisitField, values: AsRecorded, visit: WithNames, now: Date): string {
  switch (field) {
    case 'startedAt':
    case 'endedAt':
      return formatDateTime(values[field], now);
    case 'participantIds':
      return joinNames(values.participantIds.map((id) => nameOf(visit, id)));
    case 'companionNames':
      return values.companionNames.length === 0 ? '无' : joinNames(values.companionNames);
    case 'services':
      return servicesText(values.services);
    case 'notes':
    case 'problemsFound':
      return values[field] === '' ? '未填写' : values[field];
  }
}

/**
 * The first record's values of every field a correction changed, in the order of the form, and R3's verdict on it
 * when the correction changed that (a visit corrected into meeting R3 is worth a second look). Empty when nothing
 * was corrected, or when the reader is not given the first record (a guardian).
 */
export function firstValuesOf(visit: WithNames & Pick<VisitDetail, 'corrections' | 'asRecorded' | 'r3'>, now: Date): FirstValue[] {
  const values = visit.asRecorded;
  if (!values) return [];
  const changed = new Set(visit.corrections.flatMap((correction) => correction.changedFields));
  const fields: FirstValue[] = (Object.keys(correctableFieldNames) as CorrectableVisitField[])
    .filter((field) => changed.has(field))
    .map((field) => ({ field, label: labelOf(correctableFieldNames, field), value: valueText(field, values, visit, now) }));
  const firstVerdict = r3ResultText(values.r3);
  if (firstVerdict && firstVerdict !== r3ResultText(visit.r3)) fields.push({ field: 'r3', label: '每月入户走访要求', value: firstVerdict });
  return fields;
}
