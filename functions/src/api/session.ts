import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { actorFrom } from '../app/actor.js';
import { UnauthenticatedError } from '../domain/errors.js';
import type { Actor } from '../domain/user.js';
import type { UserRepository } from '../store/ports.js';
import type { Env } from './context.js';
import type { SessionTokens } from './session-token.js';

const BEARER = /^Bearer ([A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+\.[A-Za-z0-9_\-]+)$/;

/**
 * Every protected call presents a valid session token (WeChat's guideline: authorize on the server for every
 * call). This reads nothing: the principal it sets is who the token names. Use cases read the user with the rest of
 * what they need; list routes load the actor first (`withActor`).
 */
export function authenticate(tokens: SessionTokens) {
  return createMiddleware<Env>(async (c, next) => {
    const match = BEARER.exec(c.req.header('authorization') ?? '');
    if (match === null) throw new UnauthenticatedError('请先登录');
    const claims = await tokens.verify(match[1]);
    c.set('principal', { userId: claims.sub, role: claims.role });
    await next();
  });
}

/**
 * The user behind the principal, read again on each call so that a removed account or a changed role stops working
 * before its token expires; kept on the context for the route and for the refusal audit.
 */
export async function loadActor(c: Context<Env>, users: Pick<UserRepository, 'get'>): Promise<Actor> {
  const principal = c.get('principal');
  const user = await users.get(principal.userId);
  const actor = actorFrom(principal, user);
  c.set('user', user!);
  c.set('actor', actor);
  return actor;
}

/** For sub-apps whose every route needs the actor before it reads anything else. */
export function withActor(users: Pick<UserRepository, 'get'>) {
  return createMiddleware<Env>(async (c, next) => {
    await loadActor(c, users);
    await next();
  });
}
