import { OpenAPIHono } from '@hono/zod-openapi';
import { ForbiddenError } from '../../domain/errors.js';
import type { AppDeps } from '../app.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { enforceLoginRateLimit, respondWithSession } from '../login.js';
import { problemResponses } from '../problem.js';
import { loginResponseSchema, wechatLoginInputSchema } from '../schemas.js';
import type { SessionTokens } from '../session-token.js';
import { exchangeWechatCode } from '../wechat-code2session.js';

const wechatLoginRoute = defineRoute({
  method: 'post',
  path: '/wechat',
  summary: '微信登录：用 wx.login 的 code 换取会话令牌',
  request: { body: { content: { 'application/json': { schema: wechatLoginInputSchema } }, required: true } },
  responses: {
    200: { description: '登录成功', content: { 'application/json': { schema: loginResponseSchema } } },
    ...problemResponses(400, 401, 403, 413, 415, 429, 502),
  },
});

export function createAuthApp(deps: AppDeps, tokens: SessionTokens): OpenAPIHono<Env> {
  return new OpenAPIHono<Env>().openapi(wechatLoginRoute, async (c) => {
    await enforceLoginRateLimit(c, deps);
    const { code } = c.req.valid('json');
    const identity = await exchangeWechatCode(deps.wechat, code, deps.logger);
    const user = await deps.repositories.users.findByWechatOpenId(identity.openId);
    // An account is bound by an officer or on invitation; WeChat alone never creates one.
    if (user === null) throw new ForbiddenError('账号未绑定，请联系儿童主任或民政部门');
    return c.json(await respondWithSession(tokens, user), 200);
  });
}
