import type { Child } from '../domain/child.js';
import { INBOX_TEXT_MAX } from '../domain/inbox.js';
import { disputeOutcomeNames, disputeReasonNames, visitKindNames } from '../domain/labels.js';
import { truncateText } from '../domain/text.js';
import { shanghaiDate, TIME_ZONE } from '../domain/time.js';
import type { Visit } from '../domain/visit.js';
import type { DisputeOutcome } from '../events/domain-events.js';

/**
 * The Chinese texts of the inbox messages about a visit. Built by the consumer from records read by id, since an
 * event carries no name (domain-events.ts); the inbox message keeps at most INBOX_TEXT_MAX characters, cut between
 * characters (a note of rare characters outside the BMP must not be cut inside one).
 */

/** `2026年3月1日 09:30`, Beijing time, in the date format the mini-program shows. */
export function beijingDateTimeText(instant: Date): string {
  const time = instant.toLocaleTimeString('zh-CN', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false });
  const [year, month, day] = shanghaiDate(instant).split('-').map(Number);
  return `${year}年${month}月${day}日 ${time}`;
}

/** When the visit started. */
export function visitStartText(visit: Pick<Visit, 'startedAt'>): string {
  return beijingDateTimeText(new Date(visit.startedAt));
}

/** For the supervisor: whose visit, when, and the guardian's reasons (R1). */
export function disputeAlertText(child: Pick<Child, 'name'>, visit: Visit): string {
  const reasons = visit.confirmation.reasons.map((reason) => disputeReasonNames[reason]).join('、');
  const note = visit.confirmation.note === '' ? '' : `：${visit.confirmation.note}`;
  return truncateText(`监护人对${child.name}的${visitKindNames[visit.kind]}记录（${visitStartText(visit)}）提出异议：${reasons}${note}`, INBOX_TEXT_MAX);
}

/** For the worker who recorded the visit and the guardians: how the supervisor settled the dispute. */
export function disputeOutcomeText(child: Pick<Child, 'name'>, visit: Visit, outcome: DisputeOutcome): string {
  return truncateText(`${child.name}的${visitKindNames[visit.kind]}记录（${visitStartText(visit)}）的异议已处理：${disputeOutcomeNames[outcome]}`, INBOX_TEXT_MAX);
}
