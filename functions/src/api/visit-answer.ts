import { decideVisitAccess } from '../domain/access-policy.js';
import type { Child } from '../domain/child.js';
import { NotFoundError } from '../domain/errors.js';
import { INBOX_TEXT_MAX, messageIdOf, type InboxMessage } from '../domain/inbox.js';
import { disputeReasonNames, visitKindNames } from '../domain/labels.js';
import { truncateText } from '../domain/text.js';
import { shanghaiDate, TIME_ZONE } from '../domain/time.js';
import type { Actor } from '../domain/user.js';
import type { ConfirmVisitInput, Visit } from '../domain/visit.js';
import { answerVisit } from '../domain/visit-record.js';
import type { VisitAnswer } from '../store/ports.js';
import type { AppDeps } from './app.js';
import { childNotFound } from '../app/child-guards.js';
import { auditEntryOf } from '../app/audit-entry.js';

/**
 * The guardian's confirmation or dispute (issue 3, part 5), on their own account: it replaces their signature in the
 * care handbook (R3). Anyone else gets the same 404 as for a child that does not exist. A dispute reaches the
 * supervisor who leads the child's team (R1), or every supervisor of the town while the child has no team.
 */
export async function answerCheckIn(
  deps: Pick<AppDeps, 'repositories' | 'clock' | 'newId'>,
  actor: Actor,
  childId: string,
  visitId: string,
  input: ConfirmVisitInput,
): Promise<Visit> {
  const { children, visits } = deps.repositories;
  const child = await children.get(childId);
  if (child === null) throw childNotFound();
  const decision = decideVisitAccess(actor, 'confirm', child);
  if (!decision.allowed) {
    throw childNotFound().refusing({ action: 'visit.confirm', childId: child.id, reason: decision.denial });
  }
  const visit = await visits.get(child.id, visitId);
  if (visit === null) throw new NotFoundError('未找到该走访记录', 'visitId');
  const now = deps.clock();
  const next = answerVisit(visit, input, actor.id, now);
  const answer: VisitAnswer = {
    audit: auditEntryOf(deps, actor, 'visit.confirm', child.id, 'allowed'),
    inbox: next.confirmation.state === 'disputed' ? disputeMessageFor(deps, child, next, now) : null,
  };
  await visits.answer(visit, next, answer);
  return next;
}

function disputeMessageFor(deps: Pick<AppDeps, 'newId'>, child: Child, visit: Visit, now: Date): VisitAnswer['inbox'] {
  const started = new Date(visit.startedAt);
  const when = `${shanghaiDate(started)} ${started.toLocaleTimeString('zh-CN', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hour12: false })}`;
  const reasons = visit.confirmation.reasons.map((reason) => disputeReasonNames[reason]).join('、');
  const note = visit.confirmation.note === '' ? '' : `：${visit.confirmation.note}`;
  const text = truncateText(`监护人对${child.name}的${visitKindNames[visit.kind]}记录（${when}）提出异议：${reasons}${note}`, INBOX_TEXT_MAX);
  const message: InboxMessage = {
    id: messageIdOf(now, deps.newId()),
    at: now.toISOString(),
    kind: 'visitDisputed',
    childId: child.id,
    visitId: visit.id,
    text,
    readAt: null,
  };
  const owner = child.team ? { kind: 'user' as const, userId: child.team.supervisorId } : { kind: 'town' as const, townId: child.region.townId };
  return { owner, message };
}
