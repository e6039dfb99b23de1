import type { ChatPlatform } from '../domain/chat.js';
import type { Principal } from '../domain/user.js';
import type { UnbindChatPorts } from './chat-bind-ports.js';

/** The account removes its chat on a platform; removing one it does not have is not an error (DELETE is idempotent). */
export async function unbindChat(ports: UnbindChatPorts, principal: Principal, platform: ChatPlatform): Promise<void> {
  await ports.chatBindings.unbindUser(principal.userId, platform);
}
