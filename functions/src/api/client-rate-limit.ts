import type { Context } from 'hono';
import { RateLimitedError } from '../domain/errors.js';
import type { AppDeps } from './app.js';
import { addressBlockOf } from './address-block.js';
import { clientIpOf } from './client-ip.js';
import type { Env } from './context.js';

export interface ClientLimit {
  /** What is counted (login, a public report, …): each has its own allowance. */
  name: string;
  attempts: number;
  windowSeconds: number;
  message: string;
}

/**
 * A per-client sliding-window limit, counted in the shared table so every instance agrees; the client is its address
 * block (IPv6 /64), as the trusted-proxy setting finds it.
 */
export async function enforceClientLimit(c: Context<Env>, deps: AppDeps, limit: ClientLimit): Promise<void> {
  const result = await deps.repositories.rateLimiter.hit(
    `${limit.name}:${addressBlockOf(clientIpOf(c, deps.trustedProxyHops ?? 0))}`,
    limit.attempts,
    limit.windowSeconds,
    deps.clock(),
  );
  if (!result.allowed) {
    deps.logger.warn(`${limit.name} rate limited`, { requestId: c.get('requestId') });
    throw new RateLimitedError(limit.message, Math.max(1, Math.ceil(result.retryAfterSeconds)));
  }
}
