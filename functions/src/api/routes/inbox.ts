import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../app.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { problemResponses } from '../problem.js';
import { authenticate } from '../session.js';
import type { SessionTokens } from '../session-token.js';
import { inboxListSchema, inboxParamsSchema, unreadCountSchema } from '../visit-schemas.js';

const security = [{ bearerAuth: [] }];

const listRoute = defineRoute({
  method: 'get',
  path: '/',
  summary: '站内消息（最新在前）：每条说明涉及的儿童和走访',
  security,
  responses: {
    200: { description: '消息', content: { 'application/json': { schema: inboxListSchema } } },
    ...problemResponses(401),
  },
});

const unreadRoute = defineRoute({
  method: 'get',
  path: '/unread-count',
  summary: '未读消息数（首页入口用）',
  security,
  responses: {
    200: { description: '未读数', content: { 'application/json': { schema: unreadCountSchema } } },
    ...problemResponses(401),
  },
});

const readRoute = defineRoute({
  method: 'post',
  path: '/{id}/read',
  summary: '标记消息已读',
  security,
  request: { params: inboxParamsSchema },
  responses: { 204: { description: '已读' }, ...problemResponses(400, 401, 404) },
});

export function createInboxApp(deps: AppDeps, tokens: SessionTokens): OpenAPIHono<Env> {
  const { useCases } = deps;
  const app = new OpenAPIHono<Env>();
  app.use('*', authenticate(tokens));

  app.openapi(listRoute, async (c) => c.json(await useCases.listInbox(c.get('principal')), 200));

  app.openapi(unreadRoute, async (c) => c.json({ count: await useCases.countUnreadMessages(c.get('principal')) }, 200));

  app.openapi(readRoute, async (c) => {
    await useCases.markMessageRead(c.get('principal'), c.req.valid('param').id);
    return c.body(null, 204);
  });

  return app;
}
