import { OpenAPIHono, z } from '@hono/zod-openapi';
import type { ConcernUseCases } from '../../app/concern-use-cases.js';
import { staffConcernInputSchema } from '../../domain/concern.js';
import { concernStepInputSchema } from '../../domain/concern-lifecycle.js';
import type { AppDeps } from '../app.js';
import { concernIdParamsSchema, concernListsSchema, concernViewSchema, myConcernSchema } from '../concern-schemas.js';
import { concernSummaryOf, concernViewOf, myConcernOf, queueCounts, villageNamesOf } from '../concern-views.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { parseIdempotencyKey } from '../idempotency-key.js';
import { problemResponses } from '../problem.js';
import { authenticate } from '../session.js';
import type { SessionTokens } from '../session-token.js';

/** Concern reports for signed-in users (issue 8): report, the queues and one's own reports, a concern's trail, steps. */
const security = [{ bearerAuth: [] }];
const viewContent = { 'application/json': { schema: concernViewSchema } };

const reportRoute = defineRoute({
  method: 'post',
  path: '/',
  summary: '报告儿童可能遭受侵害或无人照看的情况（R17；Idempotency-Key 使重试只记一次）',
  security,
  request: {
    headers: z.object({ 'idempotency-key': z.string().optional().openapi({ description: '必填：8–64 位字母、数字、“-”或“_”，每份报告一个' }) }),
    body: { content: { 'application/json': { schema: staffConcernInputSchema } }, required: true },
  },
  responses: {
    201: { description: '已收到', content: { 'application/json': { schema: myConcernSchema } } },
    ...problemResponses(400, 401, 404, 409, 413, 415, 422),
  },
});

const listRoute = defineRoute({
  method: 'get',
  path: '/',
  summary: '本辖区的报告（未办结、紧急、等候最久的在前）和本人提交的报告',
  security,
  responses: {
    200: { description: '报告', content: { 'application/json': { schema: concernListsSchema } } },
    ...problemResponses(401),
  },
});

const readRoute = defineRoute({
  method: 'get',
  path: '/{id}',
  summary: '一份报告及其办理经过（本辖区的儿童主任、督导员、区民政局）',
  security,
  request: { params: concernIdParamsSchema },
  responses: { 200: { description: '报告', content: viewContent }, ...problemResponses(400, 401, 404) },
});

const stepRoute = defineRoute({
  method: 'post',
  path: '/{id}/steps',
  summary: '办理一步：受理、核查、评估（定风险等级）、帮扶或转介、办结（写给报告人的反馈）',
  security,
  request: {
    params: concernIdParamsSchema,
    body: { content: { 'application/json': { schema: concernStepInputSchema } }, required: true },
  },
  responses: { 200: { description: '已办理', content: viewContent }, ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422) },
});

export function createConcernsApp(deps: AppDeps, tokens: SessionTokens, concerns: ConcernUseCases): OpenAPIHono<Env> {
  const { regions } = deps.repositories;
  const app = new OpenAPIHono<Env>();
  app.use('*', authenticate(tokens));

  const viewOf = async (principal: Parameters<ConcernUseCases['readConcern']>[0], concernId: string) => {
    const { actor, concern, names, child } = await concerns.readConcern(principal, concernId);
    return concernViewOf(actor, concern, names, child, await villageNamesOf(regions, [concern]));
  };

  app.openapi(reportRoute, async (c) => {
    const key = parseIdempotencyKey(c.req.header('idempotency-key'));
    const concern = await concerns.reportConcern(c.get('principal'), c.req.valid('json'), key);
    // What a reporter sees of it (R17); a reporter who also handles the area opens it from their queue.
    return c.json(myConcernOf(concern, await villageNamesOf(regions, [concern])), 201);
  });

  app.openapi(listRoute, async (c) => {
    const { queue, mine } = await concerns.listConcerns(c.get('principal'));
    const names = await villageNamesOf(regions, [...(queue ?? []), ...mine]);
    return c.json(
      {
        queue: queue === null ? null : queue.map((concern) => concernSummaryOf(concern, names)),
        counts: queueCounts(queue),
        mine: mine.map((concern) => myConcernOf(concern, names)),
      },
      200,
    );
  });

  app.openapi(readRoute, async (c) => c.json(await viewOf(c.get('principal'), c.req.valid('param').id), 200));

  app.openapi(stepRoute, async (c) => {
    const { id } = c.req.valid('param');
    await concerns.stepConcern(c.get('principal'), id, c.req.valid('json'));
    return c.json(await viewOf(c.get('principal'), id), 200);
  });

  return app;
}
