import type { InboxItem, Role } from '../api/types';
import { formatDateTime } from './beijing-time';
import { joinNames } from './format';
import { disputeOutcomeNames, disputeReasonNames, labelOf } from './labels';
import { visitKindText } from './visit-format';

/** One message of the inbox in words: what happened, to which child's visit, when it came, and whether it opens. */
export interface MessageWords {
  /** 监护人异议已处理：核实属实 · 监护人有异议：时间不对 · 您提出的异议已处理：核实属实 */
  title: string;
  /** 李小明 · 11月20日 09:30 入户走访, or why it says no more. */
  subject: string;
  /** The guardian's own words, for the staff a dispute goes to; null when there are none. */
  quote: string | null;
  /** When the message came: 11月23日 14:05 收到 (said, so it is not taken for the visit's time). */
  receivedAt: string;
  /** Whether tapping it opens the visit's page: not when the reader may no longer read the child. */
  opens: boolean;
}

const NO_LONGER_YOURS = '该儿童已不在您的服务范围内，无法查看详情';

function titleOf(item: InboxItem, reader: Role): string {
  const about = item.about;
  if (item.kind === 'disputeResolved') {
    // A guardian reads of their own dispute; staff of the family's.
    const lead = reader === 'guardian' ? '您提出的异议已处理' : '监护人异议已处理';
    return about?.outcome ? `${lead}：${labelOf(disputeOutcomeNames, about.outcome)}` : lead;
  }
  const reasons = about?.reasons.map((reason) => labelOf(disputeReasonNames, reason)) ?? [];
  return reasons.length > 0 ? `监护人有异议：${joinNames(reasons)}` : '监护人对走访有异议';
}

/** The words of one message for its reader, dates in Beijing time as everywhere else. */
export function describeMessage(item: InboxItem, reader: Role, now: Date): MessageWords {
  const about = item.about;
  const receivedAt = `${formatDateTime(item.at, now)} 收到`;
  if (about === null) return { title: titleOf(item, reader), subject: NO_LONGER_YOURS, quote: null, receivedAt, opens: false };
  const visit = `${formatDateTime(about.visitStartedAt, now)} ${visitKindText({ kind: about.visitKind, contactChannel: about.contactChannel })}`;
  const withdrawn = about.withdrawn ? '（记录已撤回）' : '';
  return {
    title: titleOf(item, reader),
    subject: `${about.childName} · ${visit}${withdrawn}`,
    quote: about.note === '' ? null : `“${about.note}”`,
    receivedAt,
    opens: true,
  };
}

/** The home page's entry: 3 条未读, or that there is nothing new. */
export function unreadText(count: number): string {
  return count > 0 ? `${count} 条未读` : '没有新消息';
}
