import { inboxesOf } from '../domain/access-policy.js';
import { unreadCountOf } from '../domain/inbox-views.js';
import type { Principal } from '../domain/user.js';
import { actorFrom } from './actor.js';
import { INBOX_LIMIT } from './list-inbox.js';
import type { CountUnreadMessagesPorts } from './ports.js';

/**
 * How many of the messages the inbox page would list are unread, for the entry on every home page: the user, then
 * the inboxes; no child is read, so nothing about one is shown or audited. Two round trips.
 */
export async function countUnreadMessages(ports: CountUnreadMessagesPorts, principal: Principal): Promise<number> {
  const found = await ports.records.read({ users: [principal.userId] });
  const actor = actorFrom(principal, found.users.get(principal.userId));
  return unreadCountOf(await ports.inbox.list(inboxesOf(actor), INBOX_LIMIT));
}
