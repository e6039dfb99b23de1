import { inboxesOf } from '../domain/access-policy.js';
import { collapseCopies, inboxItemFor, type InboxItem } from '../domain/inbox-views.js';
import type { Principal } from '../domain/user.js';
import { actorFrom } from './actor.js';
import { auditEntryOf } from './audit-entry.js';
import type { ListInboxPorts } from './ports.js';

/** The newest messages an inbox page shows; older ones are not listed. */
export const INBOX_LIMIT = 50;

export interface InboxList {
  items: InboxItem[];
  unread: number;
}

/**
 * Every role's inbox (issue 7, B8): the messages of the inboxes the access policy gives the reader, each copy once,
 * each about its child and visit or case as the reader may see them now. The user first; then the inboxes; then every child,
 * visit and case they name in one batch; then, like every list that shows children's data, one audit entry per child
 * shown. Four round trips whatever the number of messages.
 */
export async function listInbox(ports: ListInboxPorts, principal: Principal): Promise<InboxList> {
  const found = await ports.records.read({ users: [principal.userId] });
  const actor = actorFrom(principal, found.users.get(principal.userId));
  const messages = collapseCopies(await ports.inbox.list(inboxesOf(actor), INBOX_LIMIT));
  const { children, visits, escalations } = await ports.records.read({
    children: messages.flatMap(({ childId }) => (childId === null ? [] : [childId])),
    visits: messages.flatMap(({ childId, visitId }) => (childId === null || visitId === null ? [] : [{ childId, visitId }])),
    escalations: messages.flatMap(({ escalationId }) => (escalationId === null ? [] : [escalationId])),
  });
  const items = messages.map((message) =>
    inboxItemFor(actor, message, {
      // A digest names no child: it is the reader's own list in counts.
      child: message.childId === null ? undefined : children.get(message.childId),
      visit: message.visitId === null ? undefined : visits.get(message.visitId),
      escalation: message.escalationId === null ? undefined : escalations.get(message.escalationId),
    }),
  );
  const namesChild = (item: InboxItem) => item.about !== null || item.case !== null || Boolean(item.caseNotice?.childName);
  const shown = [...new Set(items.flatMap((item) => (item.childId === null || !namesChild(item) ? [] : [item.childId])))];
  if (shown.length > 0) await ports.audit.record(shown.map((childId) => auditEntryOf(ports, actor, 'visit.list', childId, 'allowed')));
  return { items, unread: items.filter((item) => item.readAt === null).length };
}
