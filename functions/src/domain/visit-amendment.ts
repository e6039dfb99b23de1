import { RuleViolationError, VersionConflictError } from './errors.js';
import { assertCheckInRules } from './visit-record.js';
import {
  correctableVisitFields,
  isWithdrawn,
  type CheckInInput,
  type CorrectableVisitField,
  type CorrectVisitInput,
  type R3Assessment,
  type Visit,
  type VisitAsRecorded,
  type VisitChanges,
  type WithdrawVisitInput,
} from './visit.js';

/**
 * Issue 7, B3: the author of a check-in corrects it, or withdraws it, within a week of recording it, giving a reason.
 * The visit keeps its first values (`asRecorded`) and each correction, oldest first; what it shows and completes are
 * the current values. A withdrawn visit is final.
 */
export const AMEND_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;

/** The last instant the author may correct or withdraw it: a week after it was recorded. */
export function amendableUntil(visit: Pick<Visit, 'recordedAt'>): Date {
  return new Date(Date.parse(visit.recordedAt) + AMEND_WINDOW_DAYS * DAY_MS);
}

/** Whether the author may still correct or withdraw it now: within the week, and not withdrawn. */
export function isAmendable(visit: Pick<Visit, 'recordedAt' | 'corrections'>, now: Date): boolean {
  return !isWithdrawn(visit) && now.getTime() <= amendableUntil(visit).getTime();
}

function assertAmendable(visit: Visit, version: number, now: Date): void {
  if (version !== visit.version) throw new VersionConflictError('该走访记录已更新，请刷新后重试', 'version');
  if (isWithdrawn(visit)) throw new VersionConflictError('该走访记录已撤回', 'version');
  if (!isAmendable(visit, now)) {
    throw new RuleViolationError(`登记超过${AMEND_WINDOW_DAYS}天的走访记录不能再更正或撤回，如有错误请联系督导员`, 'visitId');
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The visit as a check-in would have described it, with the changes applied: checked by the check-in's own rules. */
export function correctedInput(visit: Visit, changes: VisitChanges): CheckInInput {
  return {
    kind: visit.kind,
    purpose: visit.purpose,
    startedAt: changes.startedAt ?? visit.startedAt,
    endedAt: changes.endedAt ?? visit.endedAt,
    location: visit.location,
    participantIds: changes.participantIds ?? visit.participantIds,
    companionNames: changes.companionNames ?? visit.companionNames,
    contactChannel: visit.contactChannel,
    services: changes.services ?? visit.services,
    notes: changes.notes ?? visit.notes,
    problemsFound: changes.problemsFound ?? visit.problemsFound,
  };
}

/** The fields a correction really changes; a correction that changes nothing is refused. */
export function changedFieldsOf(visit: Visit, changes: VisitChanges): CorrectableVisitField[] {
  return correctableVisitFields.filter((field) => changes[field] !== undefined && !sameValue(changes[field], visit[field]));
}

function asRecordedOf(visit: Visit): VisitAsRecorded {
  const { startedAt, endedAt, participantIds, companionNames, services, notes, problemsFound, r3 } = visit;
  return { startedAt, endedAt, participantIds, companionNames, services, notes, problemsFound, r3 };
}

/**
 * The corrected visit, one version on. `r3` is R3 judged again on the corrected facts (the use case knows the policy
 * and the team). Times, who came and the author's presence follow the check-in's rules.
 */
export function correctVisit(visit: Visit, input: CorrectVisitInput, authorId: string, now: Date, r3: R3Assessment): Visit {
  assertAmendable(visit, input.version, now);
  const fields = changedFieldsOf(visit, input.changes);
  if (fields.length === 0) throw new RuleViolationError('更正的内容与现有记录相同', 'changes');
  const next = correctedInput(visit, input.changes);
  try {
    assertCheckInRules(next, authorId, now);
  } catch (error) {
    if (error instanceof RuleViolationError && error.field) throw new RuleViolationError(error.message, `changes.${error.field}`);
    throw error;
  }
  const changes = Object.fromEntries(fields.map((field) => [field, next[field]])) as VisitChanges;
  return {
    ...visit,
    ...changes,
    r3,
    asRecorded: visit.asRecorded ?? asRecordedOf(visit),
    corrections: [...visit.corrections, { kind: 'corrected', at: now.toISOString(), byUserId: authorId, reason: input.reason, changes, r3 }],
    version: visit.version + 1,
  };
}

/** The withdrawn visit, one version on: its values stay as they were, on record and on the chain. */
export function withdrawVisit(visit: Visit, input: WithdrawVisitInput, authorId: string, now: Date): Visit {
  assertAmendable(visit, input.version, now);
  return {
    ...visit,
    corrections: [...visit.corrections, { kind: 'withdrawn', at: now.toISOString(), byUserId: authorId, reason: input.reason }],
    version: visit.version + 1,
  };
}

/** The current values that the first values and the corrections add up to; what the visit item must hold. */
export function valuesAfterCorrections(visit: Pick<Visit, 'asRecorded' | 'corrections'>): VisitAsRecorded | null {
  if (visit.asRecorded === null) return null;
  let values: VisitAsRecorded = visit.asRecorded;
  for (const correction of visit.corrections) {
    if (correction.kind === 'corrected') values = { ...values, ...correction.changes, r3: correction.r3 };
  }
  return values;
}
