import { inboxesOf } from '../domain/access-policy.js';
import { NotFoundError } from '../domain/errors.js';
import type { Principal } from '../domain/user.js';
import { actorFrom } from './actor.js';
import type { MarkMessageReadPorts } from './ports.js';

/**
 * Marks a message read in the reader's own inboxes (every copy of it there); a message of anyone else's inbox is
 * not found, like one that does not exist (API1).
 */
export async function markMessageRead(ports: MarkMessageReadPorts, principal: Principal, messageId: string): Promise<void> {
  const found = await ports.records.read({ users: [principal.userId] });
  const actor = actorFrom(principal, found.users.get(principal.userId));
  if (!(await ports.inbox.markRead(inboxesOf(actor), messageId, ports.clock()))) throw new NotFoundError('未找到该消息', 'id');
}
