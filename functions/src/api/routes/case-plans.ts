import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { closeCase, announceClosing } from '../../app/close-case.js';
import { readChildCasePlan } from '../../app/read-child-case-plan.js';
import { recordHandbook } from '../../app/record-handbook.js';
import { recordStateGuardianship } from '../../app/record-state-guardianship.js';
import { reviewCasePlan } from '../../app/review-case-plan.js';
import { saveCasePlan } from '../../app/save-case-plan.js';
import {
  announceClosingInputSchema,
  closeCaseInputSchema,
  handbookInputSchema,
  reviewInputSchema,
  savePlanInputSchema,
  stateGuardianshipInputSchema,
} from '../../domain/case-plan.js';
import type { AppDeps } from '../app.js';
import { caseViewSchema } from '../case-plan-schemas.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { parseIdempotencyKey } from '../idempotency-key.js';
import { problemResponses } from '../problem.js';
import { childIdParamsSchema } from '../schemas.js';

const security = [{ bearerAuth: [] }];
const idempotencyHeaders = z.object({ 'idempotency-key': z.string().optional().openapi({ description: '必填：8–64 位字母、数字、“-”或“_”，重试时不变' }) });
const caseAnswer = (description: string) => ({ description, content: { 'application/json': { schema: caseViewSchema } } });

const readRoute = defineRoute({
  method: 'get',
  path: '/{id}/plan',
  summary: '儿童的个案服务计划（R2 一人一案）、定期评估（R15）、结案、关爱手册、临时监护（R22）；监护人只见面向家庭的部分；记录审计',
  security,
  request: { params: childIdParamsSchema },
  responses: { 200: caseAnswer('个案'), ...problemResponses(400, 401, 403, 404) },
});

const saveRoute = defineRoute({
  method: 'put',
  path: '/{id}/plan',
  summary: '保存服务计划（执行团队或镇督导员；带读取时的 version，已被他人修改时 409；每次保存留存一个版本）',
  security,
  request: { params: childIdParamsSchema, headers: idempotencyHeaders, body: { content: { 'application/json': { schema: savePlanInputSchema } }, required: true } },
  responses: { 200: caseAnswer('已保存'), ...problemResponses(400, 401, 403, 404, 409, 422) },
});

const reviewRoute = defineRoute({
  method: 'post',
  path: '/{id}/plan/reviews',
  summary: '登记服务计划的定期评估（R15：儿童变化、目标达成、使用资源、下次评估日期）',
  security,
  request: { params: childIdParamsSchema, headers: idempotencyHeaders, body: { content: { 'application/json': { schema: reviewInputSchema } }, required: true } },
  responses: { 201: caseAnswer('已登记'), ...problemResponses(400, 401, 403, 404, 409, 422) },
});

const announceRoute = defineRoute({
  method: 'post',
  path: '/{id}/closing/announcement',
  summary: '登记已提前告知家庭结案（R15：告知日期与方式；最早告知后七天结案）',
  security,
  request: { params: childIdParamsSchema, body: { content: { 'application/json': { schema: announceClosingInputSchema } }, required: true } },
  responses: { 200: caseAnswer('已登记'), ...problemResponses(400, 401, 403, 404, 409, 422) },
});

const closeRoute = defineRoute({
  method: 'post',
  path: '/{id}/closing',
  summary: '结案（R15：个案结案报告与约定的结案后跟踪；结案后服务计划只读）',
  security,
  request: { params: childIdParamsSchema, body: { content: { 'application/json': { schema: closeCaseInputSchema } }, required: true } },
  responses: { 200: caseAnswer('已结案'), ...problemResponses(400, 401, 403, 404, 409, 422) },
});

const handbookRoute = defineRoute({
  method: 'put',
  path: '/{id}/handbook',
  summary: '登记首次走访时发放关爱手册（R2：日期、发放人、领取的监护人）',
  security,
  request: { params: childIdParamsSchema, body: { content: { 'application/json': { schema: handbookInputSchema } }, required: true } },
  responses: { 200: caseAnswer('已登记'), ...problemResponses(400, 401, 403, 404, 409, 422) },
});

const stateGuardianshipRoute = defineRoute({
  method: 'post',
  path: '/{id}/state-guardianship',
  summary: '临时监护（R22）：登记安置、六个月内的回归评估、评估准予后三日内的领回',
  security,
  request: { params: childIdParamsSchema, body: { content: { 'application/json': { schema: stateGuardianshipInputSchema } }, required: true } },
  responses: { 200: caseAnswer('已登记'), ...problemResponses(400, 401, 403, 404, 409, 422) },
});

/** Registered on the children sub-app (a session is required there): issue 12 parts 2 and 3, a child's case. */
export function registerCasePlanRoutes(app: OpenAPIHono<Env>, deps: AppDeps): void {
  const ports = { ...deps.repositories, clock: deps.clock, newId: deps.newId };

  app.openapi(readRoute, async (c) => c.json(await readChildCasePlan(ports, c.get('principal'), c.req.valid('param').id), 200));

  app.openapi(saveRoute, async (c) => {
    const key = parseIdempotencyKey(c.req.header('idempotency-key'));
    return c.json(await saveCasePlan(ports, c.get('principal'), c.req.valid('param').id, c.req.valid('json'), key), 200);
  });

  app.openapi(reviewRoute, async (c) => {
    const key = parseIdempotencyKey(c.req.header('idempotency-key'));
    return c.json(await reviewCasePlan(ports, c.get('principal'), c.req.valid('param').id, c.req.valid('json'), key), 201);
  });

  app.openapi(announceRoute, async (c) => c.json(await announceClosing(ports, c.get('principal'), c.req.valid('param').id, c.req.valid('json')), 200));
  app.openapi(closeRoute, async (c) => c.json(await closeCase(ports, c.get('principal'), c.req.valid('param').id, c.req.valid('json')), 200));
  app.openapi(handbookRoute, async (c) => c.json(await recordHandbook(ports, c.get('principal'), c.req.valid('param').id, c.req.valid('json')), 200));
  app.openapi(stateGuardianshipRoute, async (c) =>
    c.json(await recordStateGuardianship(ports, c.get('principal'), c.req.valid('param').id, c.req.valid('json')), 200),
  );
}
