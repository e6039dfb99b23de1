import { OpenAPIHono } from '@hono/zod-openapi';
import { drawCallbackSample, listCallbackSamples, readCallbackSample } from '../../app/callback-inspection.js';
import { recordCallback } from '../../app/record-callback.js';
import { drawSampleInputSchema, recordCallbackInputSchema } from '../../domain/callback-inspection.js';
import type { AppDeps } from '../app.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { callbackParamsSchema, sampleParamsSchema, sampleRowsSchema, sampleViewSchema } from '../inspection-schemas.js';
import { problemResponses } from '../problem.js';
import { authenticate, withActor } from '../session.js';
import type { SessionTokens } from '../session-token.js';

const security = [{ bearerAuth: [] }];
const view = { 'application/json': { schema: sampleViewSchema } };

const drawRoute = defineRoute({
  method: 'post',
  path: '/samples',
  summary: '电话回访抽查（000 §六(一)）：在本区（市）上月有入户走访的家庭中按种子随机抽取，返回呼叫名单（监护人电话仅在此显示，每次显示均留痕）',
  security,
  request: { body: { content: { 'application/json': { schema: drawSampleInputSchema } }, required: true } },
  responses: { 201: { description: '已抽取', content: view }, ...problemResponses(400, 401, 403, 422) },
});

const listRoute = defineRoute({
  method: 'get',
  path: '/samples',
  summary: '本区（市）的抽查批次（不含电话）',
  security,
  responses: { 200: { description: '抽查批次', content: { 'application/json': { schema: sampleRowsSchema } } }, ...problemResponses(401, 403) },
});

const readRoute = defineRoute({
  method: 'get',
  path: '/samples/{sampleId}',
  summary: '一批抽查的呼叫名单、回访结果与监护人在应用中的确认情况、汇总（每次显示电话均留痕）',
  security,
  request: { params: sampleParamsSchema },
  responses: { 200: { description: '呼叫名单', content: view }, ...problemResponses(400, 401, 403, 404) },
});

const recordRoute = defineRoute({
  method: 'put',
  path: '/samples/{sampleId}/callbacks/{childId}',
  summary: '记录一户的回访结果：确认走访 / 未确认（家属所说）/ 无法联系（尝试次数）；重复提交同一结果只记一次，不同结果 409',
  security,
  request: { params: callbackParamsSchema, body: { content: { 'application/json': { schema: recordCallbackInputSchema } }, required: true } },
  responses: { 200: { description: '已记录', content: view }, ...problemResponses(400, 401, 403, 404, 409) },
});

/** Issue 12 part 6: inspection by phone callback to the families (seed 000 §六(一)). */
export function createInspectionsApp(deps: AppDeps, tokens: SessionTokens): OpenAPIHono<Env> {
  const ports = { ...deps.repositories, clock: deps.clock, newId: deps.newId };
  const app = new OpenAPIHono<Env>();
  app.use('*', authenticate(tokens), withActor(deps.repositories.users));
  const officer = (c: { get(key: 'actor'): Env['Variables']['actor']; get(key: 'user'): Env['Variables']['user'] }) => ({ ...c.get('actor'), name: c.get('user').name });

  app.openapi(drawRoute, async (c) => c.json(await drawCallbackSample(ports, officer(c), c.req.valid('json')), 201));
  app.openapi(listRoute, async (c) => c.json({ items: await listCallbackSamples(ports, c.get('actor')) }, 200));
  app.openapi(readRoute, async (c) => c.json(await readCallbackSample(ports, c.get('actor'), c.req.valid('param').sampleId), 200));
  app.openapi(recordRoute, async (c) => {
    const { sampleId, childId } = c.req.valid('param');
    return c.json(await recordCallback(ports, officer(c), sampleId, childId, c.req.valid('json')), 200);
  });
  return app;
}
