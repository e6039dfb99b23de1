import { chatPlatformsFor, type ChatPlatform } from '../domain/chat.js';
import { ForbiddenError } from '../domain/errors.js';
import type { Principal } from '../domain/user.js';
import type { BindCode } from '../store/ports.js';
import type { IssueBindCodePorts } from './chat-bind-ports.js';

export const BIND_CODE_VALID_MINUTES = 10;
/** A million codes and a few hundred live at once: a second collision in a row is already rare. */
const MAX_DRAWS = 8;

/**
 * A one-time code for the signed-in account to send in the chat (绑定 123456), valid ten minutes; it replaces the
 * account's earlier unused code for that platform. Nothing is audited: like a subscription consent, it touches no
 * child's record and binds nothing until the chat redeems it.
 */
export async function issueBindCode(ports: IssueBindCodePorts, principal: Principal, platform: ChatPlatform): Promise<BindCode> {
  if (!chatPlatformsFor(principal.role).includes(platform)) {
    throw new ForbiddenError('监护人请绑定公众号，企业微信供工作人员使用', 'platform').refusing({ reason: 'roleCannot' });
  }
  const now = ports.clock();
  const expiresAt = new Date(now.getTime() + BIND_CODE_VALID_MINUTES * 60_000).toISOString();
  for (let draw = 0; draw < MAX_DRAWS; draw += 1) {
    const bindCode: BindCode = { code: ports.drawBindCode(), userId: principal.userId, platform, expiresAt };
    if (await ports.bindCodes.issue(bindCode, now)) return bindCode;
  }
  throw new Error('no free bind code');
}
