import type { Clock } from '../domain/time.js';
import type { BindCodes, ChatBindings, RateLimiter, RecordReader } from '../store/ports.js';

/** The ports of binding a chat user to an account (issue 10, part 3): only what each use case uses. */
export type IssueBindCodePorts = {
  clock: Clock;
  bindCodes: Pick<BindCodes, 'issue'>;
  /** Six digits; injected so a test can make two draws collide. */
  drawBindCode: () => string;
};
export type BindChatUserPorts = {
  records: RecordReader;
  bindCodes: Pick<BindCodes, 'redeem'>;
  rateLimiter: RateLimiter;
};
export type UnbindChatPorts = { chatBindings: Pick<ChatBindings, 'unbindUser'> };
