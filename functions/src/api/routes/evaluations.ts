import { OpenAPIHono } from '@hono/zod-openapi';
import { decideReview, listDistrictWorkers, listOwnEvaluations, publishEvaluation, requestReview } from '../../app/worker-evaluation.js';
import { decideReviewInputSchema, publishEvaluationInputSchema, requestReviewInputSchema } from '../../domain/worker-evaluation.js';
import type { AppDeps } from '../app.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { evaluationListSchema, evaluationParamsSchema, evaluationViewSchema, workerRowsSchema, yearQuerySchema } from '../evaluation-schemas.js';
import { problemResponses } from '../problem.js';
import { authenticate, withActor } from '../session.js';
import type { SessionTokens } from '../session-token.js';

const security = [{ bearerAuth: [] }];
const view = { 'application/json': { schema: evaluationViewSchema } };
const json = <S>(schema: S) => ({ content: { 'application/json': { schema } }, required: true });

const workersRoute = defineRoute({
  method: 'get',
  path: '/workers',
  summary: '年度考核（R23）：本区的儿童督导员、儿童主任、儿童福利社工及其当年考核结果（区民政局）',
  security,
  request: { query: yearQuerySchema },
  responses: { 200: { description: '本区工作人员', content: { 'application/json': { schema: workerRowsSchema } } }, ...problemResponses(400, 401, 403) },
});

const publishRoute = defineRoute({
  method: 'post',
  path: '/',
  summary: '公布一名工作人员的年度考核等级（优秀 / 合格 / 需改进）与评语，并通知本人（R23）',
  security,
  request: { body: json(publishEvaluationInputSchema) },
  responses: { 201: { description: '已公布', content: view }, ...problemResponses(400, 401, 403, 404, 409) },
});

const mineRoute = defineRoute({
  method: 'get',
  path: '/mine',
  summary: '我的考核：历年考核结果、可申请复核的剩余天数、复核结果',
  security,
  responses: { 200: { description: '我的考核', content: { 'application/json': { schema: evaluationListSchema } } }, ...problemResponses(401) },
});

const requestReviewRoute = defineRoute({
  method: 'post',
  path: '/{evaluationId}/review-request',
  summary: '申请复核（R23：公布后7天内，北京时间；逾期 422 说明原因）',
  security,
  request: { params: evaluationParamsSchema, body: json(requestReviewInputSchema) },
  responses: { 200: { description: '已申请', content: view }, ...problemResponses(400, 401, 404, 409, 422) },
});

const decideRoute = defineRoute({
  method: 'post',
  path: '/{evaluationId}/review-decision',
  summary: '复核结果：维持或改为某一等级，附理由（区民政局；只可决定一次）',
  security,
  request: { params: evaluationParamsSchema, body: json(decideReviewInputSchema) },
  responses: { 200: { description: '已决定', content: view }, ...problemResponses(400, 401, 403, 404, 409, 422) },
});

/** Issue 12 part 7, R23: workers' yearly evaluations, published to the worker, with a review within 7 days. */
export function createEvaluationsApp(deps: AppDeps, tokens: SessionTokens): OpenAPIHono<Env> {
  const ports = { ...deps.repositories, clock: deps.clock, newId: deps.newId };
  const app = new OpenAPIHono<Env>();
  app.use('*', authenticate(tokens), withActor(deps.repositories.users));

  app.openapi(workersRoute, async (c) => c.json({ items: await listDistrictWorkers(ports, c.get('actor'), c.req.valid('query').year) }, 200));
  app.openapi(publishRoute, async (c) =>
    c.json(await publishEvaluation(ports, { ...c.get('actor'), name: c.get('user').name }, c.req.valid('json')), 201),
  );
  app.openapi(mineRoute, async (c) => c.json({ items: await listOwnEvaluations(ports, c.get('actor')) }, 200));
  app.openapi(requestReviewRoute, async (c) =>
    c.json(await requestReview(ports, c.get('actor'), c.req.valid('param').evaluationId, c.req.valid('json')), 200),
  );
  app.openapi(decideRoute, async (c) =>
    c.json(await decideReview(ports, { ...c.get('actor'), name: c.get('user').name }, c.req.valid('param').evaluationId, c.req.valid('json')), 200),
  );
  return app;
}
