import type { CheckInInput, ChildDetail } from '../api/types';
import type { ObligationKind } from '../../../functions/src/domain/obligation';
import type { contactChannels, VisitKind, VisitLocation, visitPurposes, VisitService } from '../../../functions/src/domain/visit';
import { beijingInstant, shanghaiDateOf, shanghaiTimeOf } from './beijing-time';

export type ContactChannel = (typeof contactChannels)[number];
export type VisitPurpose = (typeof visitPurposes)[number];

/** What the check-in page edits; times as the pickers show them (Beijing date and HH:mm). */
export interface CheckInForm {
  kind: VisitKind;
  contactChannel: ContactChannel | null;
  purpose: VisitPurpose;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  /** null: refused or unavailable, recorded as missing. */
  location: VisitLocation | null;
  participantIds: string[];
  /** People without an account, e.g. 李老师、王医生. */
  companions: string;
  services: VisitService[];
  notes: string;
  problemsFound: string;
}

export interface CheckInPreset {
  kind?: VisitKind;
  purpose?: VisitPurpose;
}

const MAX_VISIT_MS = 24 * 60 * 60 * 1000;
/** The server allows this much clock skew before it calls a start "in the future". */
const CLOCK_SKEW_MS = 5 * 60 * 1000;
const MAX_COMPANIONS = 10;
const MAX_NAME_LENGTH = 50;

/**
 * What each typed field may hold: notes and problems found as the server allows; the companions' names as one field
 * of at most one name's length, so that no name is ever cut short on its way to the server.
 */
export const textLimits = { notes: 4000, problemsFound: 2000, companions: MAX_NAME_LENGTH } as const;

/** What a due item asks for: a reassessment (R21) or follow-up (R19) is done as a home visit with that purpose. */
export function presetFor(kind: ObligationKind | string | undefined): CheckInPreset {
  if (kind === 'contact') return { kind: 'contact', purpose: 'routine' };
  if (kind === 'reassessment' || kind === 'followUp') return { kind: 'homeVisit', purpose: kind };
  return { kind: 'homeVisit', purpose: 'routine' };
}

/**
 * Nothing is filled in so that an untouched form passes a rule (issue 7, B4): it starts now, the end is left for the
 * worker to choose (no two-hour default, for a home visit or a phone call alike), and only the worker came.
 */
export function initialCheckInForm(now: Date, userId: string, preset: CheckInPreset = {}): CheckInForm {
  // Whole minutes, so the start is never a few seconds in the future.
  const start = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const kind = preset.kind ?? 'homeVisit';
  return {
    kind,
    contactChannel: kind === 'contact' ? 'phone' : null,
    purpose: preset.purpose ?? 'routine',
    startDate: shanghaiDateOf(start),
    startTime: shanghaiTimeOf(start),
    endDate: shanghaiDateOf(start),
    endTime: '',
    location: null,
    participantIds: [userId],
    companions: '',
    services: [],
    notes: '',
    problemsFound: '',
  };
}

/** Switching to 联系 needs a channel (电话 by default); a home visit has none. */
export function withKind(form: CheckInForm, kind: VisitKind): CheckInForm {
  return { ...form, kind, contactChannel: kind === 'contact' ? (form.contactChannel ?? 'phone') : null };
}

/**
 * 李老师、王医生 / 李老师,王医生 / 李老师 王医生 → names, at most ten. A name is cut by code points, as the server
 * counts them: cutting UTF-16 units could leave half of a rare character, which the server refuses.
 */
export function splitNames(text: string): string[] {
  return namesIn(text).slice(0, MAX_COMPANIONS);
}

function namesIn(text: string): string[] {
  return text
    .split(/[、,，;；\s]+/)
    .map((name) => Array.from(name.trim()).slice(0, MAX_NAME_LENGTH).join(''))
    .filter(Boolean);
}

/** NaN until both the date and the time are chosen. */
function instantOf(date: string, time: string): number {
  return date && time ? Date.parse(beijingInstant(date, time)) : NaN;
}

export interface TeamChoice {
  id: string;
  label: string;
  /** The worker checking in is always among those who came (the server refuses a check-in without them). */
  locked: boolean;
}

/** The child's team (R1) to tick, the worker checking in first and fixed. */
export function teamChoicesOf(team: ChildDetail['team'] | undefined, userId: string, userRoleName: string): TeamChoice[] {
  const members: TeamChoice[] = [{ id: userId, label: `${userRoleName}（我）`, locked: true }];
  if (!team) return members;
  const roles: [string, string][] = [
    [team.socialWorkerId, '儿童福利社工'],
    [team.directorId, '儿童主任'],
    [team.supervisorId, '儿童督导员'],
  ];
  for (const [id, label] of roles) if (id !== userId) members.push({ id, label, locked: false });
  return members;
}

export type CheckInFormErrors = Partial<Record<'startedAt' | 'endedAt' | 'contactChannel' | 'participantIds' | 'companions', string>>;

/** The checks the server makes too, said before anything is queued (a refused item would only come back as 失败). */
export function validateCheckInForm(form: CheckInForm, now: Date): CheckInFormErrors {
  const errors: CheckInFormErrors = {};
  const start = instantOf(form.startDate, form.startTime);
  const end = instantOf(form.endDate, form.endTime);
  const latest = now.getTime() + CLOCK_SKEW_MS;
  if (!Number.isFinite(start)) errors.startedAt = '请选择开始时间';
  else if (start > latest) errors.startedAt = '开始时间不能晚于现在';
  if (!Number.isFinite(end)) errors.endedAt = '请选择结束时间';
  else if (Number.isFinite(start) && end <= start) errors.endedAt = '结束时间须晚于开始时间';
  else if (Number.isFinite(start) && end - start > MAX_VISIT_MS) errors.endedAt = '一次走访不能超过24小时';
  else if (end > latest) errors.endedAt = '结束时间不能晚于现在';
  if (form.kind === 'contact' && !form.contactChannel) errors.contactChannel = '请选择联系方式';
  if (form.participantIds.length === 0) errors.participantIds = '请选择参加人员';
  if (namesIn(form.companions).length > MAX_COMPANIONS) errors.companions = `同行人员最多填写${MAX_COMPANIONS}人`;
  return errors;
}

export function toCheckInInput(form: CheckInForm): CheckInInput {
  return {
    kind: form.kind,
    purpose: form.purpose,
    startedAt: beijingInstant(form.startDate, form.startTime),
    endedAt: beijingInstant(form.endDate, form.endTime),
    location: form.location,
    participantIds: form.participantIds,
    companionNames: splitNames(form.companions),
    contactChannel: form.kind === 'contact' ? form.contactChannel : null,
    services: form.services,
    notes: form.notes.trim(),
    problemsFound: form.problemsFound.trim(),
  };
}

/**
 * Who may check in for a child (notes/VISITS-API.md): the social worker of its team, or the director of its
 * village. The server decides; this only keeps the button away from those it would refuse.
 */
export function canCheckIn(
  user: { id: string; role: string; scope: { level: string; regionId: string } | null },
  child: Pick<ChildDetail, 'team' | 'region' | 'status'>,
): boolean {
  if (child.status !== 'active') return false;
  if (user.role === 'socialWorker') return child.team?.socialWorkerId === user.id;
  if (user.role === 'director') return user.scope?.level === 'village' && user.scope.regionId === child.region.villageId;
  return false;
}
