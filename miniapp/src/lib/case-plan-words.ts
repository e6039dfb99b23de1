import type { CaseStatus, ClosingFollowUp, ClosingReason, FollowUpPerformer, FullCaseView, GoalOutcome, NoticeChannel } from '../api';
import { formatDate } from './format';

/** Issue 12: a case's status in the words a worker and a family use. */
export const caseStatusNames: Record<CaseStatus, string> = {
  none: '尚未制定',
  open: '执行中',
  closingAnnounced: '已告知结案',
  closed: '已结案',
};

/**
 * R15's codes in words: the mini-program's own copy of functions/src/domain/labels.ts (a test keeps them equal), so a
 * page of the caseplan subpackage does not pull the domain's label file into its bundle.
 */
export const goalOutcomeNames: Record<GoalOutcome, string> = { reached: '已达成', partly: '部分达成', not: '未达成' };
export const noticeChannelNames: Record<NoticeChannel, string> = { inPerson: '当面告知', phone: '电话告知', letter: '书面告知', wechat: '微信告知' };
export const closingReasonNames: Record<ClosingReason, string> = {
  goalsReached: '服务目标已达成',
  riskRemoved: '风险已消除',
  movedAway: '迁出本地',
  transferred: '转介其他机构',
  agedOut: '已满十八周岁',
  other: '其他',
};
export const followUpPerformerNames: Record<FollowUpPerformer, string> = { socialWorker: '社工', director: '儿童主任' };

/** 每周 / 每15天 / 每月 / 每3个月: the same words the server's due list uses for an interval. */
export function intervalWords(interval: ClosingFollowUp['interval']): string {
  if (interval.unit === 'day') return interval.count === 7 ? '每周' : `每${interval.count}天`;
  return interval.count === 1 ? '每月' : `每${interval.count}个月`;
}

/** The agreed follow-up in one sentence: 社工每月回访一次，至2027年6月30日. */
export function followUpText(followUp: ClosingFollowUp): string {
  return `${followUpPerformerNames[followUp.performer]}${intervalWords(followUp.interval)}回访一次，至${formatDate(followUp.endsOn)}`;
}

export type CaseAction = 'review' | 'handbook' | 'announce' | 'close';

/**
 * R2, R15: what a reader who may edit can do next on the plan page. Reviews go on until the case closes; the handbook
 * is recorded once; closing is told to the family first, and only then closed.
 */
export function caseActionsOf(view: Pick<FullCaseView, 'status' | 'canEdit' | 'handbook'>): CaseAction[] {
  if (!view.canEdit) return [];
  const actions: CaseAction[] = [];
  if (view.status === 'open' || view.status === 'closingAnnounced') actions.push('review');
  if (view.handbook === null && view.status !== 'closed') actions.push('handbook');
  if (view.status === 'open') actions.push('announce');
  if (view.status === 'closingAnnounced') actions.push('close');
  return actions;
}

/** The closing notice the family reads (R15), in plain sentences, or nothing when no closing was told. */
export function familyClosingLines(notice: {
  toldOn: string;
  earliestClosingOn: string;
  closedOn: string | null;
  familyMessage: string | null;
  followUpUntil: string | null;
}): string[] {
  if (notice.closedOn === null) {
    return [`${formatDate(notice.toldOn)}已告知您：孩子的个案服务将于${formatDate(notice.earliestClosingOn)}起结束。`, '如有疑问或不同意见，请在此之前联系社工或儿童主任。'];
  }
  const lines = [`孩子的个案服务已于${formatDate(notice.closedOn)}结案。`];
  if (notice.followUpUntil) lines.push(`结案后仍会定期回访，直到${formatDate(notice.followUpUntil)}。`);
  return lines;
}
