import type { Child } from '../domain/child.js';
import { INBOX_TEXT_MAX, messageIdOf, type InboxMessage, type InboxOwner } from '../domain/inbox.js';
import { disputeReasonNames, visitKindNames } from '../domain/labels.js';
import { truncateText } from '../domain/text.js';
import { shanghaiDate, TIME_ZONE } from '../domain/time.js';
import type { Visit } from '../domain/visit.js';

/**
 * The supervisor's inbox message about a dispute: to the supervisor who leads the child's team (R1), or to every
 * supervisor of the town while the child has no team. Written in the answer's own transaction until the
 * VisitDisputed consumer takes this over.
 */
export function disputeMessageFor(
  newId: () => string,
  child: Child,
  visit: Visit,
  now: Date,
): { owner: InboxOwner; message: InboxMessage } {
  const started = new Date(visit.startedAt);
  const when = `${shanghaiDate(started)} ${started.toLocaleTimeString('zh-CN', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false })}`;
  const reasons = visit.confirmation.reasons.map((reason) => disputeReasonNames[reason]).join('、');
  const note = visit.confirmation.note === '' ? '' : `：${visit.confirmation.note}`;
  const text = truncateText(`监护人对${child.name}的${visitKindNames[visit.kind]}记录（${when}）提出异议：${reasons}${note}`, INBOX_TEXT_MAX);
  const message: InboxMessage = {
    id: messageIdOf(now, newId()),
    at: now.toISOString(),
    kind: 'visitDisputed',
    childId: child.id,
    visitId: visit.id,
    text,
    readAt: null,
  };
  const owner: InboxOwner = child.team ? { kind: 'user', userId: child.team.supervisorId } : { kind: 'town', townId: child.region.townId };
  return { owner, message };
}
