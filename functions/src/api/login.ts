import type { Context } from 'hono';
import { RateLimitedError } from '../domain/errors.js';
import type { User } from '../domain/user.js';
import type { AppDeps } from './app.js';
import { addressBlockOf } from './address-block.js';
import { clientIpOf } from './client-ip.js';
import type { Env } from './context.js';
import { sessionUserOf, type LoginResponse } from './schemas.js';
import type { SessionTokens } from './session-token.js';

/**
 * Primero's login limit: 6 tries a minute per client (a sliding minute), counted in the shared table so every
 * instance agrees.
 */
export const LOGIN_ATTEMPTS_PER_WINDOW = 6;
export const LOGIN_WINDOW_SECONDS = 60;

export async function enforceLoginRateLimit(c: Context<Env>, deps: AppDeps): Promise<void> {
  const result = await deps.repositories.rateLimiter.hit(
    `login:${addressBlockOf(clientIpOf(c, deps.trustedProxyHops ?? 0))}`,
    LOGIN_ATTEMPTS_PER_WINDOW,
    LOGIN_WINDOW_SECONDS,
    deps.clock(),
  );
  if (!result.allowed) {
    deps.logger.warn('login rate limited', { requestId: c.get('requestId') });
    throw new RateLimitedError('登录尝试过于频繁，请稍后再试', Math.max(1, Math.ceil(result.retryAfterSeconds)));
  }
}

export async function respondWithSession(tokens: SessionTokens, user: User): Promise<LoginResponse> {
  const session = await tokens.issue(user);
  return { token: session.token, expiresAt: session.expiresAt, user: sessionUserOf(user) };
}
