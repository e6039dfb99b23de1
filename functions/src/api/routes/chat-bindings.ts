import { OpenAPIHono } from '@hono/zod-openapi';
import { issueBindCode } from '../../app/issue-bind-code.js';
import { unbindChat } from '../../app/unbind-chat.js';
import type { AppDeps } from '../app.js';
import { bindCodeRequestSchema, bindCodeSchema, chatBindingListSchema, chatBindingParamsSchema } from '../chat-binding-schemas.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { drawBindCode } from '../draw-bind-code.js';
import { problemResponses } from '../problem.js';

/**
 * `/api/v1/me/chat-bind-codes` and `/api/v1/me/chat-bindings`: the signed-in account binds its 公众号 or 企业微信 chat
 * with a one-time code (issue 10, part 3) and sees or removes what it bound.
 */
const issueRoute = defineRoute({
  method: 'post',
  path: '/chat-bind-codes',
  summary: '获取绑定码：在公众号或企业微信对话框发送“绑定 123456”，10 分钟内有效，只能用一次',
  security: [{ bearerAuth: [] }],
  request: { body: { content: { 'application/json': { schema: bindCodeRequestSchema } }, required: true } },
  responses: {
    201: { description: '新的绑定码（此前未用的绑定码作废）', content: { 'application/json': { schema: bindCodeSchema } } },
    ...problemResponses(400, 401, 403),
  },
});

const listRoute = defineRoute({
  method: 'get',
  path: '/chat-bindings',
  summary: '我绑定的公众号和企业微信',
  security: [{ bearerAuth: [] }],
  responses: { 200: { description: '每个平台至多一个', content: { 'application/json': { schema: chatBindingListSchema } } }, ...problemResponses(401) },
});

const unbindRoute = defineRoute({
  method: 'delete',
  path: '/chat-bindings/{platform}',
  summary: '解除绑定',
  security: [{ bearerAuth: [] }],
  request: { params: chatBindingParamsSchema },
  responses: { 204: { description: '已解除（本未绑定也一样）' }, ...problemResponses(400, 401) },
});

export function createChatBindingsApp(deps: AppDeps): OpenAPIHono<Env> {
  const { bindCodes, chatBindings } = deps.repositories;
  const app = new OpenAPIHono<Env>();

  app.openapi(issueRoute, async (c) => {
    const { code, platform, expiresAt } = await issueBindCode(
      { clock: deps.clock, bindCodes, drawBindCode },
      c.get('principal'),
      c.req.valid('json').platform,
    );
    return c.json({ code, platform, expiresAt }, 201);
  });

  app.openapi(listRoute, async (c) => {
    const bindings = await chatBindings.listForUser(c.get('principal').userId);
    return c.json({ items: bindings.map(({ platform, boundAt, digestToChat }) => ({ platform, boundAt, digestToChat })) }, 200);
  });

  app.openapi(unbindRoute, async (c) => {
    await unbindChat({ chatBindings }, c.get('principal'), c.req.valid('param').platform);
    return c.body(null, 204);
  });

  return app;
}
