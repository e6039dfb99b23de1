import { createMiddleware } from 'hono/factory';
import { actingOf } from './acting.js';
import type { Env } from './context.js';
import type { Logger } from './logger.js';

/**
 * One line per request: method, path, status, duration, request id (and the client's own, if it sent a valid one)
 * and the acting user's id. No bodies, no query strings, no other headers: they may carry personal data or tokens.
 */
export function logAccess(logger: Logger) {
  return createMiddleware<Env>(async (c, next) => {
    const started = performance.now();
    await next();
    const actor = actingOf(c);
    logger.info('request', {
      requestId: c.get('requestId'),
      clientRequestId: c.get('clientRequestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      durationMs: Math.round(performance.now() - started),
      actorId: actor?.id ?? null,
    });
  });
}
