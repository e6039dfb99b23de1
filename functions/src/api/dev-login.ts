import { OpenAPIHono, z } from '@hono/zod-openapi';
import { ForbiddenError } from '../domain/errors.js';
import { idSchema } from '../domain/region.js';
import { roleNames, roleSchema, type User } from '../domain/user.js';
import { API_PREFIX, registrationTicketsFor, sessionTokensFor, type AppDeps, type Env } from './app.js';
import { defineRoute } from './define-route.js';
import { enforceLoginRateLimit, logInWechatIdentity, respondWithSession } from './login.js';
import { problemResponses } from './problem.js';
import { loginResponseSchema } from './schemas.js';

/**
 * Log in as a seeded demo user without WeChat. Only the local server imports this file (through `mount`); the
 * Lambda entry never does, so the route does not exist in the cloud build. Even here only the listed demo users
 * can be chosen, and attempts count against the same login rate limit.
 */
export interface DevLoginOptions {
  demoUserIds: readonly string[];
}

const devLoginInputSchema = z.object({ userId: idSchema }).strict().openapi('DevLoginInput');

/**
 * Issue 11 part 2: H5 has no wx.login, so the local server stands in for WeChat with made-up identities. Only ids
 * of this form can be logged in as, so no seeded account's openid can be reached through here.
 */
export const DEV_OPENID_PREFIX = 'dev-openid-';
const devOpenIdSchema = z.string().regex(/^dev-openid-[A-Za-z0-9]{8,64}$/, 'a dev-openid- identity');

const devIdentitySchema = z.object({ openId: devOpenIdSchema, registrationTicket: z.string() }).openapi('DevWechatIdentity');
const devWechatLoginInputSchema = z.object({ openId: devOpenIdSchema }).strict().openapi('DevWechatLoginInput');

const devIdentityRoute = defineRoute({
  method: 'post',
  path: '/wechat-identity',
  summary: '本地演示：生成一个新的“微信用户”及其注册凭证（仅本地服务器提供）',
  responses: {
    201: { description: '新的演示微信身份', content: { 'application/json': { schema: devIdentitySchema } } },
    ...problemResponses(429),
  },
});

const devWechatLoginRoute = defineRoute({
  method: 'post',
  path: '/wechat',
  summary: '本地演示：以演示微信身份登录，同 /auth/wechat（未开通账号时 403 not-registered 及注册凭证）',
  request: { body: { content: { 'application/json': { schema: devWechatLoginInputSchema } }, required: true } },
  responses: {
    200: { description: '登录成功', content: { 'application/json': { schema: loginResponseSchema } } },
    ...problemResponses(400, 403, 413, 415, 429),
  },
});

const demoUserSchema = z.object({
  id: idSchema,
  name: z.string(),
  role: roleSchema,
  roleName: z.string(),
  /** The region (or, for a social worker, the organization) the user works in; null for a guardian. */
  scopeName: z.string().nullable(),
});

const devLoginRoute = defineRoute({
  method: 'post',
  path: '/',
  summary: '本地演示登录（仅本地服务器提供）',
  request: { body: { content: { 'application/json': { schema: devLoginInputSchema } }, required: true } },
  responses: {
    200: { description: '登录成功', content: { 'application/json': { schema: loginResponseSchema } } },
    ...problemResponses(400, 403, 413, 415, 429),
  },
});

const demoUsersRoute = defineRoute({
  method: 'get',
  path: '/users',
  summary: '可用的演示账号（仅本地服务器提供）',
  responses: {
    200: {
      description: '演示账号',
      content: { 'application/json': { schema: z.object({ users: z.array(demoUserSchema) }) } },
    },
  },
});

async function scopeNameOf(deps: AppDeps, user: User): Promise<string | null> {
  if (user.scope !== null) return (await deps.repositories.regions.get(user.scope.regionId))?.name ?? null;
  if (user.organizationId !== null) return (await deps.repositories.organizations.get(user.organizationId))?.name ?? null;
  return null;
}

export function mountDevLogin(app: OpenAPIHono<Env>, deps: AppDeps, options: DevLoginOptions): void {
  const tokens = sessionTokensFor(deps);
  const tickets = registrationTicketsFor(deps);
  const allowed = new Set(options.demoUserIds);
  const dev = new OpenAPIHono<Env>();

  dev.openapi(devLoginRoute, async (c) => {
    await enforceLoginRateLimit(c, deps);
    const { userId } = c.req.valid('json');
    const user = allowed.has(userId) ? await deps.repositories.users.get(userId) : null;
    if (user === null) throw new ForbiddenError('不是可用的演示账号', 'userId');
    return c.json(await respondWithSession(tokens, user), 200);
  });

  dev.openapi(demoUsersRoute, async (c) => {
    const found = await Promise.all(options.demoUserIds.map((id) => deps.repositories.users.get(id)));
    const users = await Promise.all(
      found
        .filter((user): user is User => user !== null)
        .map(async (user) => ({
          id: user.id,
          name: user.name,
          role: user.role,
          roleName: roleNames[user.role],
          scopeName: await scopeNameOf(deps, user),
        })),
    );
    return c.json({ users }, 200);
  });

  dev.openapi(devIdentityRoute, async (c) => {
    await enforceLoginRateLimit(c, deps);
    const openId = `${DEV_OPENID_PREFIX}${deps.newId()}`;
    return c.json({ openId, registrationTicket: tickets.issue(openId) }, 201);
  });

  dev.openapi(devWechatLoginRoute, async (c) => {
    await enforceLoginRateLimit(c, deps);
    return c.json(await logInWechatIdentity(deps, tokens, tickets, c.req.valid('json').openId), 200);
  });

  app.route(`${API_PREFIX}/auth/dev`, dev);
}
