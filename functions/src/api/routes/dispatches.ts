import { OpenAPIHono } from '@hono/zod-openapi';
import { readQuarterlyDispatch, saveQuarterlyDispatch } from '../../app/quarterly-dispatch.js';
import { saveDispatchInputSchema } from '../../domain/quarterly-dispatch.js';
import type { AppDeps } from '../app.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { dispatchParamsSchema, quarterlyDispatchViewSchema } from '../dispatch-schemas.js';
import { problemResponses } from '../problem.js';
import { authenticate, withActor } from '../session.js';
import type { SessionTokens } from '../session-token.js';

const security = [{ bearerAuth: [] }];

const readRoute = defineRoute({
  method: 'get',
  path: '/{townId}/{quarter}',
  summary: '镇（街道）季度工作简报（R24）：由本季度三个月的月度汇报生成的数据与区内各镇比拼，及督导员填写的典型案例、存在问题、下一步计划',
  security,
  request: { params: dispatchParamsSchema },
  responses: {
    200: { description: '季度工作简报', content: { 'application/json': { schema: quarterlyDispatchViewSchema } } },
    ...problemResponses(400, 401, 403, 404, 422),
  },
});

const saveRoute = defineRoute({
  method: 'put',
  path: '/{townId}/{quarter}',
  summary: '保存季度工作简报的文字部分（本镇儿童督导员；须带读取时的 version，已被他人修改时 409）',
  security,
  request: {
    params: dispatchParamsSchema,
    body: { content: { 'application/json': { schema: saveDispatchInputSchema } }, required: true },
  },
  responses: {
    200: { description: '已保存', content: { 'application/json': { schema: quarterlyDispatchViewSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
});

/** R24's quarterly dispatches of the towns: figures drafted from the monthly reports, sections written by the supervisor. */
export function createDispatchesApp(deps: AppDeps, tokens: SessionTokens): OpenAPIHono<Env> {
  const ports = { ...deps.repositories, clock: deps.clock };
  const app = new OpenAPIHono<Env>();
  app.use('*', authenticate(tokens), withActor(deps.repositories.users));

  app.openapi(readRoute, async (c) => {
    const { townId, quarter } = c.req.valid('param');
    return c.json(await readQuarterlyDispatch(ports, c.get('actor'), townId, quarter), 200);
  });

  app.openapi(saveRoute, async (c) => {
    const { townId, quarter } = c.req.valid('param');
    const actor = { ...c.get('actor'), name: c.get('user').name };
    return c.json(await saveQuarterlyDispatch(ports, actor, townId, quarter, c.req.valid('json')), 200);
  });

  return app;
}
