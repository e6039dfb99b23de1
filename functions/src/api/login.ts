import type { Context } from 'hono';
import type { User } from '../domain/user.js';
import type { AppDeps } from './app.js';
import { enforceClientLimit } from './client-rate-limit.js';
import type { Env } from './context.js';
import { sessionUserOf, type LoginResponse } from './schemas.js';
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
