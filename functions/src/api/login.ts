import type { Context } from 'hono';
import { NotRegisteredError } from '../domain/errors.js';
import type { User } from '../domain/user.js';
import type { AppDeps } from './app.js';
import { enforceClientLimit } from './client-rate-limit.js';
import type { Env } from './context.js';
import { sessionUserOf, type LoginResponse } from './schemas.js';
import type { RegistrationTickets } from './registration-ticket.js';
import type { SessionTokens } from './session-token.js';

/**
 * Primero's login limit: 6 tries a minute per client (a sliding minute), counted in the shared table so every
 * instance agrees.
 */
export const LOGIN_ATTEMPTS_PER_WINDOW = 6;
export const LOGIN_WINDOW_SECONDS = 60;

export function enforceLoginRateLimit(c: Context<Env>, deps: AppDeps): Promise<void> {
  return enforceClientLimit(c, deps, {
    name: 'login',
    attempts: LOGIN_ATTEMPTS_PER_WINDOW,
    windowSeconds: LOGIN_WINDOW_SECONDS,
    message: '登录尝试过于频繁，请稍后再试',
  });
}

export async function respondWithSession(tokens: SessionTokens, user: User): Promise<LoginResponse> {
  const session = await tokens.issue(user);
  return { token: session.token, expiresAt: session.expiresAt, user: sessionUserOf(user) };
}

/**
 * A WeChat identity logs in (issue 11 part 2): the account bound to the openid gets a session; an openid bound to no
 * account gets 403 not-registered with a registration ticket, and nothing is written.
 */
export async function logInWechatIdentity(
  deps: Pick<AppDeps, 'repositories'>,
  tokens: SessionTokens,
  tickets: RegistrationTickets,
  openId: string,
): Promise<LoginResponse> {
  const user = await deps.repositories.users.findByWechatOpenId(openId);
  if (user === null) throw new NotRegisteredError(tickets.issue(openId));
  return respondWithSession(tokens, user);
}
