import type { DisputeOutcome, SettleDisputeInput, VisitDetail } from '../api/types';
import { formatDateTime } from './beijing-time';
import { disputeOutcomeNames, labelOf } from './labels';

/**
 * The supervisor's settlement of a guardian's dispute (issue 7, B2), as the visit's page takes it: one of three
 * outcomes and a note that every reader of the visit sees, the family included.
 */
export interface SettleForm {
  outcome: DisputeOutcome | null;
  note: string;
}

/** As the server allows (settleDisputeInputSchema); the field stops typing there and shows a counter near it. */
export const SETTLE_NOTE_LIMIT = 500;

export const emptySettleForm: SettleForm = { outcome: null, note: '' };

export const outcomeChoices = (Object.keys(disputeOutcomeNames) as DisputeOutcome[]).map((value) => ({
  value,
  label: disputeOutcomeNames[value],
}));

/**
 * What each outcome says, under the chips once one is chosen: 核实属实 could be read as "the guardian's complaint is
 * true", which is the opposite of what it records.
 */
const outcomeHints: Record<DisputeOutcome, string> = {
  verified: '核实后，走访记录属实。',
  notAsRecorded: '核实后，走访与记录不符，监护人反映的情况属实。',
  revisitArranged: '已安排工作人员重新上门走访。',
};

export function outcomeHintOf(outcome: DisputeOutcome | null): string | null {
  return outcome ? outcomeHints[outcome] : null;
}

export function isBlankSettleForm(form: SettleForm): boolean {
  return form.outcome === null && form.note.trim() === '';
}

/** The server's rules, said before sending: an outcome, and a note of what was found or arranged. */
export function settleProblemOf(form: SettleForm): string | null {
  if (form.outcome === null) return '请选择处理结果';
  if (form.note.trim() === '') return '请写明核实的情况或安排';
  return null;
}

/** On the version the supervisor saw: a second settlement of the same dispute is refused (409), never applied. */
export function settleInputOf(form: SettleForm, version: number): SettleDisputeInput {
  if (form.outcome === null) throw new Error('settleInputOf: no outcome');
  return { outcome: form.outcome, note: form.note.trim(), version };
}

export interface ConfirmDialog {
  title: string;
  content: string;
  confirmText: string;
  cancelText: string;
}

/** Asked before sending: a settlement cannot be changed, and the worker and the family are told of it. */
export function settleConfirmOf(outcome: DisputeOutcome): ConfirmDialog {
  return {
    title: `确认处理为“${labelOf(disputeOutcomeNames, outcome)}”？`,
    content: '提交后不能修改，社工和监护人会收到处理结果，处理说明监护人也能看到。',
    confirmText: '确认提交',
    cancelText: '再看看',
  };
}

/** 督导员已处理：与记录不符 */
export function resolutionText(resolution: NonNullable<VisitDetail['resolution']>): string {
  return `督导员已处理：${labelOf(disputeOutcomeNames, resolution.outcome)}`;
}

/** 沈志强 · 11月24日 10:05 */
export function settledByText(visit: Pick<VisitDetail, 'resolution' | 'names'>, now: Date): string | null {
  if (!visit.resolution) return null;
  return `${visit.names[visit.resolution.byUserId] || '儿童督导员'} · ${formatDateTime(visit.resolution.at, now)}`;
}

/**
 * A settlement refused with 409, explained once the page has loaded the visit again: the supervisor's own earlier
 * send (a retry after a lost answer) is said to be done; another's settlement is named.
 */
export function settleConflictText(after: Pick<VisitDetail, 'resolution' | 'names'>, myUserId: string): string {
  const resolution = after.resolution;
  if (!resolution) return '这次走访的记录已有更新，已为您重新加载，请核对后再处理。';
  if (resolution.byUserId === myUserId) return '这条异议您已处理过，处理结果见下方。';
  const who = after.names[resolution.byUserId] || '其他督导员';
  return `这条异议已由${who}处理（${labelOf(disputeOutcomeNames, resolution.outcome)}），页面已重新加载。`;
}
