import type { ChildDetail, CorrectVisitInput, VisitChanges, VisitDetail, WithdrawVisitInput } from '../api/types';
import { shanghaiDateOf, shanghaiTimeOf } from './beijing-time';
import {
  splitNames,
  teamChoicesOf,
  toCheckInInput,
  validateCheckInForm,
  type CheckInForm,
  type CheckInFormErrors,
  type TeamChoice,
} from './check-in-form';
import type { ConfirmDialog } from './dispute-settlement';
import { joinNames } from './format';

/**
 * The author's correction or withdrawal of their own check-in (issue 7, B3). The correction is edited in the
 * check-in form's own shape, filled with the visit as it stands; only what the author changed is sent, with a
 * reason. Kind, purpose and place stay as recorded (the server does not take them).
 */
export const REASON_LIMIT = 200;
const REASON_MIN = 2;

export function correctionFormOf(visit: VisitDetail): CheckInForm {
  const start = new Date(visit.startedAt);
  const end = new Date(visit.endedAt);
  return {
    kind: visit.kind,
    contactChannel: visit.contactChannel,
    purpose: visit.purpose,
    startDate: shanghaiDateOf(start),
    startTime: shanghaiTimeOf(start),
    endDate: shanghaiDateOf(end),
    endTime: shanghaiTimeOf(end),
    location: visit.location ?? null,
    participantIds: [...visit.participantIds],
    companions: joinNames(visit.companionNames),
    services: [...visit.services],
    notes: visit.notes ?? '',
    problemsFound: visit.problemsFound ?? '',
  };
}

/** The form shows minutes: an instant is changed when its minute is. */
function sameMinute(a: string, b: string): boolean {
  const [x, y] = [new Date(a), new Date(b)];
  return shanghaiDateOf(x) === shanghaiDateOf(y) && shanghaiTimeOf(x) === shanghaiTimeOf(y);
}

/** Ticking someone off and on again changes nothing: who came is a set. */
function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item) => b.includes(item));
}

/** What the author changed, and nothing else. */
export function changesOf(visit: VisitDetail, form: CheckInForm): VisitChanges {
  const next = toCheckInInput(form);
  const changes: VisitChanges = {};
  if (!sameMinute(next.startedAt, visit.startedAt)) changes.startedAt = next.startedAt;
  if (!sameMinute(next.endedAt, visit.endedAt)) changes.endedAt = next.endedAt;
  if (!sameMembers(next.participantIds, visit.participantIds)) changes.participantIds = next.participantIds;
  if (joinNames(splitNames(form.companions)) !== joinNames(visit.companionNames)) changes.companionNames = next.companionNames;
  if (!sameMembers(next.services, visit.services)) changes.services = next.services;
  if (visit.notes !== undefined && next.notes !== visit.notes) changes.notes = next.notes;
  if (visit.problemsFound !== undefined && next.problemsFound !== visit.problemsFound) changes.problemsFound = next.problemsFound;
  return changes;
}

/** Counted in code points, as the server counts. */
function reasonProblemOf(reason: string, action: '更正' | '撤回'): string | null {
  const length = Array.from(reason.trim()).length;
  if (length < REASON_MIN) return `请写明${action}的原因（至少${REASON_MIN}个字）`;
  return null;
}

export interface CorrectionProblems {
  form: CheckInFormErrors;
  reason: string | null;
  /** Nothing was changed: there is nothing to correct. */
  unchanged: string | null;
}

/** The check-in's own rules for the times and who came, a reason, and at least one change; null when all is well. */
export function correctionProblemsOf(visit: VisitDetail, form: CheckInForm, reason: string, now: Date): CorrectionProblems | null {
  const problems: CorrectionProblems = {
    form: validateCheckInForm(form, now),
    reason: reasonProblemOf(reason, '更正'),
    unchanged: Object.keys(changesOf(visit, form)).length === 0 ? '没有修改任何内容' : null,
  };
  const found = Object.keys(problems.form).length > 0 || problems.reason !== null || problems.unchanged !== null;
  return found ? problems : null;
}

export function correctionInputOf(visit: VisitDetail, form: CheckInForm, reason: string): CorrectVisitInput {
  return { version: visit.version, reason: reason.trim(), changes: changesOf(visit, form) };
}

export function withdrawalProblemOf(reason: string): string | null {
  return reasonProblemOf(reason, '撤回');
}

export function withdrawalInputOf(visit: Pick<VisitDetail, 'version'>, reason: string): WithdrawVisitInput {
  return { version: visit.version, reason: reason.trim() };
}

/** Asked before a withdrawal, which cannot be undone. */
export const withdrawalConfirm: ConfirmDialog = {
  title: '撤回这条走访记录？',
  content: '撤回后记录仍会保留，但不再算作完成的走访，监护人也不再需要确认。撤回后不能恢复。',
  confirmText: '确认撤回',
  cancelText: '不撤回',
};

/**
 * Who may be ticked as having come: the author (fixed), the child's team, and whoever the record names already,
 * each by name when the page knows it (儿童主任 张桂英).
 */
export function participantChoicesOf(
  visit: Pick<VisitDetail, 'participantIds' | 'names'>,
  team: ChildDetail['team'] | undefined,
  userId: string,
  userRoleName: string,
): TeamChoice[] {
  const members = teamChoicesOf(team, userId, userRoleName).map((member) => {
    const name = member.locked ? '' : visit.names[member.id];
    return name ? { ...member, label: `${member.label} ${name}` } : member;
  });
  const others = visit.participantIds
    .filter((id) => !members.some((member) => member.id === id))
    .map((id) => ({ id, label: visit.names[id] || '工作人员', locked: false }));
  return [...members, ...others];
}
