import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../app.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { enforceLoginRateLimit, logInWechatIdentity } from '../login.js';
import { problemResponses } from '../problem.js';
import { loginResponseSchema, wechatLoginInputSchema } from '../schemas.js';
import type { RegistrationTickets } from '../registration-ticket.js';
import type { SessionTokens } from '../session-token.js';
import { exchangeWechatCode } from '../wechat-code2session.js';

const wechatLoginRoute = defineRoute({
  method: 'post',
  path: '/wechat',
  summary: '微信登录：用 wx.login 的 code 换取会话令牌；未开通账号的微信用户得到 403 not-registered 及注册凭证（registrationTicket）',
  request: { body: { content: { 'application/json': { schema: wechatLoginInputSchema } }, required: true } },
  responses: {
    200: { description: '登录成功', content: { 'application/json': { schema: loginResponseSchema } } },
    ...problemResponses(400, 401, 403, 413, 415, 429, 502),
  },
});

export function createAuthApp(deps: AppDeps, tokens: SessionTokens, tickets: RegistrationTickets): OpenAPIHono<Env> {
  return new OpenAPIHono<Env>().openapi(wechatLoginRoute, async (c) => {
    await enforceLoginRateLimit(c, deps);
    const { code } = c.req.valid('json');
    const identity = await exchangeWechatCode(deps.wechat, code, deps.logger);
    // WeChat alone never creates an account: without one, the answer carries a ticket to apply as a volunteer.
    return c.json(await logInWechatIdentity(deps, tokens, tickets, identity.openId), 200);
  });
}
