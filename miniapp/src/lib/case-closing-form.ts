import type { ClosingAnnouncementInput, CloseCaseInput, ClosingFollowUp, ClosingReason, FollowUpPerformer, NoticeChannel } from '../api';
import { dateAfterDays, dateAfterMonths } from './beijing-time';
import { hasStringFields } from './form-draft';
import { formatDate } from './format';

/** R15: seven days between telling the family and closing (the same as functions' case-deadlines.ts; a test keeps them equal). */
export const CLOSING_NOTICE_DAYS = 7;

/** The first day a case told on `toldOn` may close. */
export function earliestClosingOf(toldOn: string): string {
  return dateAfterDays(toldOn, CLOSING_NOTICE_DAYS);
}

/** R15: the family told in advance that the case will close, as typed. */
export interface AnnounceForm {
  toldOn: string;
  how: NoticeChannel | '';
  toldWhom: string;
}

export type AnnounceField = 'toldOn' | 'how' | 'toldWhom';

export function emptyAnnounceForm(today: string, guardianName: string): AnnounceForm {
  return { toldOn: today, how: '', toldWhom: guardianName };
}

export function parseAnnounceForm(form: Record<string, unknown>): AnnounceForm | null {
  return hasStringFields(form, ['toldOn', 'how', 'toldWhom']) ? (form as unknown as AnnounceForm) : null;
}

export function announceFormErrors(form: AnnounceForm, today: string): Partial<Record<AnnounceField, string>> {
  const errors: Partial<Record<AnnounceField, string>> = {};
  if (!form.toldOn) errors.toldOn = '请选择告知日期';
  else if (form.toldOn > today) errors.toldOn = '告知日期不能晚于今天';
  if (!form.how) errors.how = '请选择告知方式';
  if (!form.toldWhom.trim()) errors.toldWhom = '请写下告知了谁';
  return errors;
}

export function announceBodyOf(form: AnnounceForm): ClosingAnnouncementInput {
  return { toldOn: form.toldOn, how: form.how as NoticeChannel, toldWhom: form.toldWhom.trim() };
}

/** The follow-up rhythms offered at closing (intervalSchema allows any; these are the ones workers agree to). */
export const followUpIntervals = {
  week: { unit: 'day', count: 7 },
  halfMonth: { unit: 'day', count: 15 },
  month: { unit: 'month', count: 1 },
  twoMonths: { unit: 'month', count: 2 },
  quarter: { unit: 'month', count: 3 },
} as const satisfies Record<string, ClosingFollowUp['interval']>;
export type FollowUpRhythm = keyof typeof followUpIntervals;
export const followUpRhythmNames: Record<FollowUpRhythm, string> = { week: '每周', halfMonth: '每半个月', month: '每月', twoMonths: '每两个月', quarter: '每季度' };

/** 个案结案报告 and the agreed follow-up, as typed. */
export interface CloseForm {
  closedOn: string;
  reason: ClosingReason | '';
  summary: string;
  situationAtClosing: string;
  familyMessage: string;
  performer: FollowUpPerformer;
  startsOn: string;
  rhythm: FollowUpRhythm;
  endsOn: string;
}

export type CloseField = 'closedOn' | 'reason' | 'summary' | 'situationAtClosing' | 'familyMessage' | 'followUp' | 'startsOn' | 'endsOn';

/** Six months of monthly visits by the social worker, from the day of closing: the usual agreement, changed at will. */
export function emptyCloseForm(today: string): CloseForm {
  return {
    closedOn: today,
    reason: '',
    summary: '',
    situationAtClosing: '',
    familyMessage: '',
    performer: 'socialWorker',
    startsOn: today,
    rhythm: 'month',
    endsOn: dateAfterMonths(today, 6),
  };
}

export function parseCloseForm(form: Record<string, unknown>): CloseForm | null {
  const fields = ['closedOn', 'reason', 'summary', 'situationAtClosing', 'familyMessage', 'performer', 'startsOn', 'rhythm', 'endsOn'];
  if (!hasStringFields(form, fields) || !((form.rhythm as string) in followUpIntervals)) return null;
  return form as unknown as CloseForm;
}

/**
 * What the closing still lacks, as the server would refuse it (checkClosing): above all, closing before the notice
 * period is over is said with the first day it may close, not left to a refusal from the server.
 */
export function closeFormErrors(form: CloseForm, today: string, earliestClosingOn: string): Partial<Record<CloseField, string>> {
  const errors: Partial<Record<CloseField, string>> = {};
  if (!form.closedOn) errors.closedOn = '请选择结案日期';
  else if (form.closedOn > today) errors.closedOn = '结案日期不能晚于今天';
  else if (form.closedOn < earliestClosingOn) errors.closedOn = `告知家庭后须满七天才能结案，最早${formatDate(earliestClosingOn)}`;
  if (!form.reason) errors.reason = '请选择结案原因';
  if (!form.summary.trim()) errors.summary = '请写下服务总结';
  if (!form.situationAtClosing.trim()) errors.situationAtClosing = '请写下结案时孩子的情况';
  if (!form.familyMessage.trim()) errors.familyMessage = '请写下要告诉家庭的话';
  if (!form.startsOn) errors.startsOn = '请选择回访开始日期';
  else if (form.closedOn && form.startsOn < form.closedOn) errors.startsOn = '回访须从结案之日或之后开始';
  if (!form.endsOn) errors.endsOn = '请选择回访截止日期';
  else if (form.startsOn && form.endsOn < form.startsOn) errors.endsOn = '回访截止日期不能早于开始日期';
  return errors;
}

export function closeBodyOf(form: CloseForm): CloseCaseInput {
  return {
    closedOn: form.closedOn,
    reason: form.reason as ClosingReason,
    summary: form.summary.trim(),
    situationAtClosing: form.situationAtClosing.trim(),
    familyMessage: form.familyMessage.trim(),
    followUp: { performer: form.performer, startsOn: form.startsOn, interval: followUpIntervals[form.rhythm], endsOn: form.endsOn },
  };
}

/** The server's field (followUp.endsOn, …) as the form's. */
export function closeFieldOf(serverField: string | undefined): CloseField | null {
  if (!serverField) return null;
  if (serverField === 'followUp.startsOn') return 'startsOn';
  if (serverField === 'followUp.endsOn') return 'endsOn';
  if (serverField.startsWith('followUp')) return 'followUp';
  return ['closedOn', 'reason', 'summary', 'situationAtClosing', 'familyMessage'].includes(serverField) ? (serverField as CloseField) : null;
}

export function announceFieldOf(serverField: string | undefined): AnnounceField | null {
  return serverField && ['toldOn', 'how', 'toldWhom'].includes(serverField) ? (serverField as AnnounceField) : null;
}
