import { createMiddleware } from 'hono/factory';
import { UnauthenticatedError } from '../domain/errors.js';
import { actorOf } from '../domain/user.js';
import type { UserRepository } from '../store/ports.js';
import type { Env } from './context.js';
import type { SessionTokens } from './session-token.js';

const BEARER = /^Bearer ([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)$/;

/**
 * Authenticates every protected call (WeChat's guideline: authorize on the server for every call). The user is
 * read again each time so a removed account or a changed role stops working before its token expires.
 */
export function requireSession(tokens: SessionTokens, users: UserRepository) {
  return createMiddleware<Env>(async (c, next) => {
    const match = BEARER.exec(c.req.header('authorization') ?? '');
    if (match === null) throw new UnauthenticatedError('请先登录');
    const claims = await tokens.verify(match[1]);
    const user = await users.get(claims.sub);
    if (user === null || user.role !== claims.role) throw new UnauthenticatedError('账号已变更或停用，请重新登录');
    c.set('user', user);
    c.set('actor', actorOf(user));
    await next();
  });
}
