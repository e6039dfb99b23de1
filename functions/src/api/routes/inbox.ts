import { OpenAPIHono } from '@hono/zod-openapi';
import { NotFoundError } from '../../domain/errors.js';
import { inboxesOf } from '../../domain/access-policy.js';
import type { AppDeps } from '../app.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { problemResponses } from '../problem.js';
import { authenticate, withActor } from '../session.js';
import type { SessionTokens } from '../session-token.js';
import { inboxListSchema, inboxParamsSchema } from '../visit-schemas.js';

const security = [{ bearerAuth: [] }];

const listRoute = defineRoute({
  method: 'get',
  path: '/',
  summary: '站内消息（最新在前）',
  security,
  responses: {
    200: { description: '消息', content: { 'application/json': { schema: inboxListSchema } } },
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

const INBOX_LIMIT = 50;

export function createInboxApp(deps: AppDeps, tokens: SessionTokens): OpenAPIHono<Env> {
  const { inbox, users } = deps.repositories;
  const app = new OpenAPIHono<Env>();
  app.use('*', authenticate(tokens), withActor(users));

  app.openapi(listRoute, async (c) => c.json({ items: await inbox.list(inboxesOf(c.get('actor')), INBOX_LIMIT) }, 200));

  app.openapi(readRoute, async (c) => {
    const found = await inbox.markRead(inboxesOf(c.get('actor')), c.req.valid('param').id, deps.clock());
    if (!found) throw new NotFoundError('未找到该消息', 'id');
    return c.body(null, 204);
  });

  return app;
}
