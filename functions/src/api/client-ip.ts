import type { Context } from 'hono';
import type { Env } from './context.js';

/**
 * The caller's address, for the login rate limit. On Lambda, API Gateway's `sourceIp` comes from the connection
 * and comes first: API Gateway appends to a client-sent X-Forwarded-For, so its first hop is whatever the client
 * wrote and would let one client rotate past the limit. Elsewhere the first X-Forwarded-For hop (a proxy in front
 * of the local server), then the socket, then 'unknown' (in-process tests pass no connection at all).
 */
export function clientIpOf(c: Context<Env>): string {
  const bindings = (c.env ?? {}) as Env['Bindings'];
  const gatewayIp = bindings.requestContext?.http?.sourceIp ?? bindings.requestContext?.identity?.sourceIp;
  if (gatewayIp) return gatewayIp;
  const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
  if (forwarded) return forwarded.slice(0, 64);
  return bindings.incoming?.socket?.remoteAddress ?? 'unknown';
}
