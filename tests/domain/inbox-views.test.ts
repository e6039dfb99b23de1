import { describe, expect, it } from 'vitest';
import { DEFAULT_ACKNOWLEDGE_LIMITS } from '../../functions/src/domain/acknowledge-limits.js';
import { raiseEscalation } from '../../functions/src/domain/escalation.js';
import type { InboxMessage } from '../../functions/src/domain/inbox.js';
import { collapseCopies, inboxItemFor, unreadCountOf } from '../../functions/src/domain/inbox-views.js';
import type { Actor, Role } from '../../functions/src/domain/user.js';
import { settleDispute } from '../../functions/src/domain/visit-settlement.js';
import { withdrawVisit } from '../../functions/src/domain/visit-amendment.js';
import { childWithTeam, disputedVisitOf } from '../events/support/events.js';

/**
 * Issue 7, B8: a message as its reader sees it, worded from the child and the visit as they are now and as that
 * reader may see them; the copies of one message in two of the reader's inboxes are one message.
 */
const child = childWithTeam('child-1');
const disputed = disputedVisitOf(child);
const settled = settleDispute(disputed, { outcome: 'revisitArranged', note: '督导员备注：下周二再去', version: disputed.version }, 'sup-1', new Date('2026-11-24T02:00:00.000Z'));

function actor(id: string, role: Role, scope: Actor['scope'] = null): Actor {
  return { id, role, scope, organizationId: null, pledgeSignedAt: '2026-01-10T09:00:00+08:00' };
}

function message(overrides: Partial<InboxMessage> = {}): InboxMessage {
  return {
    id: '20261124020000000-a',
    at: '2026-11-24T02:00:00.000Z',
    kind: 'disputeResolved',
    childId: child.id,
    visitId: disputed.id,
    escalationId: null,
    digest: null,
    text: '李小明的入户走访记录（2026年11月23日 09:00）的异议已处理：已安排重新走访',
    readAt: null,
    ...overrides,
  };
}

const guardian = actor('g-1', 'guardian');
const worker = { ...actor('sw-1', 'socialWorker'), pledgeSignedAt: '2026-01-10T09:00:00+08:00' };
const supervisor = actor('sup-1', 'supervisor', { level: 'town', regionId: 't1' });
const movedDirector = actor('dir-9', 'director', { level: 'village', regionId: 'v2' });

describe('a message as its reader sees it', () => {
  it('tells a guardian the child, the visit and the outcome, and nothing else: no notes, no one’s name', () => {
    const item = inboxItemFor(guardian, message(), { child: child, visit: settled, escalation: undefined });

    expect(item).toEqual({
      id: '20261124020000000-a',
      at: '2026-11-24T02:00:00.000Z',
      kind: 'disputeResolved',
      readAt: null,
      childId: child.id,
      visitId: disputed.id,
      escalationId: null,
      case: null,
      digest: null,
      about: {
        childName: '李小明',
        visitKind: 'homeVisit',
        contactChannel: null,
        visitStartedAt: disputed.startedAt,
        withdrawn: false,
        outcome: 'revisitArranged',
        reasons: [],
        note: '',
      },
    });
    expect(JSON.stringify(item)).not.toMatch(/督导员备注|sup-1|sw-1|那天家里没人/);
  });

  it('quotes the guardian’s reasons and note to the supervisor a dispute goes to', () => {
    const item = inboxItemFor(supervisor, message({ kind: 'visitDisputed' }), { child: child, visit: disputed, escalation: undefined });

    expect(item.about).toMatchObject({ outcome: null, reasons: ['notVisited'], note: '那天家里没人' });
  });

  it('quotes nothing of a dispute to a guardian, even if one were ever sent one', () => {
    const item = inboxItemFor(guardian, message({ kind: 'visitDisputed' }), { child: child, visit: disputed, escalation: undefined });

    expect(item.about).toMatchObject({ reasons: [], note: '' });
  });

  it('says nothing about the child to a reader who may no longer read it, nor when the visit is gone', () => {
    expect(inboxItemFor(movedDirector, message(), { child: child, visit: settled, escalation: undefined }).about).toBeNull();
    expect(inboxItemFor(worker, message(), { child: child, visit: undefined, escalation: undefined }).about).toBeNull();
    expect(inboxItemFor(worker, message(), { child: undefined, visit: settled, escalation: undefined }).about).toBeNull();
  });

  it('says when the author withdrew the visit since', () => {
    const withdrawn = withdrawVisit(settled, { version: settled.version, reason: '登记错了儿童' }, 'sw-1', new Date('2026-11-24T03:00:00.000Z'));

    expect(inboxItemFor(worker, message(), { child: child, visit: withdrawn, escalation: undefined }).about?.withdrawn).toBe(true);
  });
});

describe('a message about a difficult case (issue 8, R6)', () => {
  const escalation = raiseEscalation(
    { id: 'esc-1', childId: child.id, path: child.region, raisedBy: 'sw-1', input: { problem: '孩子长期独自在家', tried: '联系亲属', helpNeeded: '临时照料', urgent: true } },
    DEFAULT_ACKNOWLEDGE_LIMITS,
    new Date('2026-11-24T02:00:00.000Z'),
  );
  const aboutCase = message({ kind: 'escalationRaised', visitId: null, escalationId: escalation.id });

  it('says whose case, where it is and whether urgent to the supervisor who holds it, and not the problem’s words', () => {
    const item = inboxItemFor(supervisor, aboutCase, { child, visit: undefined, escalation });

    expect([item.about, item.case, item.escalationId]).toEqual([null, { childName: '李小明', level: 'town', status: 'raised', urgent: true }, 'esc-1']);
    expect(JSON.stringify(item)).not.toMatch(/独自在家|临时照料/);
  });

  it('says nothing of it to a family member, nor to a director moved away, nor when the case is gone', () => {
    expect(inboxItemFor(guardian, aboutCase, { child, visit: undefined, escalation }).case).toBeNull();
    expect(inboxItemFor(movedDirector, aboutCase, { child, visit: undefined, escalation }).case).toBeNull();
    expect(inboxItemFor(supervisor, aboutCase, { child, visit: undefined, escalation: undefined }).case).toBeNull();
  });
});

describe('the copies of one message', () => {
  it('are one message, unread while any copy is, read when the last copy was', () => {
    const other = message({ id: '20261123020000000-b', readAt: '2026-11-24T05:00:00.000Z' });
    const readCopy = message({ readAt: '2026-11-24T04:00:00.000Z' });
    const laterReadCopy = message({ readAt: '2026-11-24T06:00:00.000Z' });

    expect(collapseCopies([message(), readCopy, other])).toEqual([message(), other]);
    expect(collapseCopies([readCopy, message(), other])).toEqual([message(), other]);
    expect(collapseCopies([readCopy, laterReadCopy])).toEqual([laterReadCopy]);
    expect(unreadCountOf([readCopy, message(), other])).toBe(1);
    expect(unreadCountOf([readCopy, laterReadCopy, other])).toBe(0);
  });
});
