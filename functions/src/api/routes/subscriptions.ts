import { OpenAPIHono } from '@hono/zod-openapi';
import type { ChannelConfig } from '../../notify/channel-config.js';
import type { AppDeps } from '../app.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { InvalidInputError } from '../errors.js';
import { problemResponses } from '../problem.js';
import { subscriptionReportSchema, subscriptionStatusSchema } from '../subscription-schemas.js';

/**
 * `/api/v1/me/subscriptions`: the signed-in user's consents to WeChat subscription messages. Only the templates this
 * deployment configured exist here; with none configured the list is empty and every report is refused.
 */
const statusContent = { 'application/json': { schema: subscriptionStatusSchema } };

const statusRoute = defineRoute({
  method: 'get',
  path: '/',
  summary: '我的微信订阅消息：每个模板的一次性订阅剩余条数或长期订阅',
  security: [{ bearerAuth: [] }],
  responses: { 200: { description: '订阅情况', content: statusContent }, ...problemResponses(401) },
});

const reportRoute = defineRoute({
  method: 'post',
  path: '/',
  summary: '上报 wx.requestSubscribeMessage 的结果',
  security: [{ bearerAuth: [] }],
  request: { body: { content: { 'application/json': { schema: subscriptionReportSchema } }, required: true } },
  responses: { 200: { description: '上报后的订阅情况', content: statusContent }, ...problemResponses(400, 401) },
});

export function createSubscriptionsApp(deps: AppDeps, channels: ChannelConfig): OpenAPIHono<Env> {
  const { consents } = deps.repositories;
  const app = new OpenAPIHono<Env>();

  const statusOf = async (userId: string) => {
    const held = new Map((await consents.list(userId)).map((consent) => [consent.templateId, consent]));
    return {
      templates: channels.templates.map(({ purpose, id, kind }) => {
        const consent = held.get(id);
        return {
          purpose,
          templateId: id,
          kind,
          oneTimeLeft: kind === 'oneTime' ? (consent?.oneTimeLeft ?? 0) : 0,
          longTerm: kind === 'longTerm' && consent?.longTerm === true,
        };
      }),
    };
  };

  app.openapi(statusRoute, async (c) => c.json(await statusOf(c.get('user').id), 200));

  app.openapi(reportRoute, async (c) => {
    const { answers } = c.req.valid('json');
    const kinds = new Map(channels.templates.map((template) => [template.id, template.kind]));
    const unknown = answers.findIndex((answer) => !kinds.has(answer.templateId));
    if (unknown !== -1) {
      throw new InvalidInputError('不是本应用的订阅消息模板', `answers.${unknown}.templateId`);
    }
    const userId = c.get('user').id;
    await consents.record(
      userId,
      answers.map(({ templateId, answer }) => ({ templateId, answer, kind: kinds.get(templateId)! })),
      deps.clock(),
    );
    return c.json(await statusOf(userId), 200);
  });

  return app;
}
