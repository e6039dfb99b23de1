import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { childDetailFor } from '../../domain/child-views.js';
import { assessmentInputSchema, riskOverrideInputSchema } from '../../domain/guardianship-assessment.js';
import { idSchema } from '../../domain/region.js';
import type { AppDeps } from '../app.js';
import { assessmentRecordedSchema, assessmentViewOf, assessmentViewSchema, childAssessmentsSchema } from '../assessment-schemas.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { childDetailSchema } from '../../domain/child-views.js';
import { parseIdempotencyKey } from '../idempotency-key.js';
import { problemResponses } from '../problem.js';
import { childIdParamsSchema } from '../schemas.js';

const security = [{ bearerAuth: [] }];

const recordRoute = defineRoute({
  method: 'post',
  path: '/{id}/assessments',
  summary: '记录监护评估（R18；首次评估须执行团队三人共同参与，R2；风险等级随评估改变；Idempotency-Key 使重试只记一次）',
  security,
  request: {
    params: childIdParamsSchema,
    headers: z.object({ 'idempotency-key': z.string().optional().openapi({ description: '必填：8–64 位字母、数字、“-”或“_”，每份评估一个' }) }),
    body: { content: { 'application/json': { schema: assessmentInputSchema } }, required: true },
  },
  responses: {
    201: { description: '已记录；儿童的风险等级与走访安排随之更新', content: { 'application/json': { schema: assessmentRecordedSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

const listRoute = defineRoute({
  method: 'get',
  path: '/{id}/assessments',
  summary: '儿童的全部监护评估（最新在前）及下次评估应完成日期（记录审计）',
  security,
  request: { params: childIdParamsSchema },
  responses: {
    200: { description: '监护评估', content: { 'application/json': { schema: childAssessmentsSchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

const readRoute = defineRoute({
  method: 'get',
  path: '/{id}/assessments/{assessmentId}',
  summary: '一份监护评估（记录审计）',
  security,
  request: { params: z.object({ id: idSchema, assessmentId: idSchema }) },
  responses: {
    200: { description: '监护评估', content: { 'application/json': { schema: assessmentViewSchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

const overrideRoute = defineRoute({
  method: 'post',
  path: '/{id}/risk-override',
  summary: '督导员调整风险等级（须说明理由；仅儿童所在乡镇（街道）的儿童督导员）',
  security,
  request: {
    params: childIdParamsSchema,
    body: { content: { 'application/json': { schema: riskOverrideInputSchema } }, required: true },
  },
  responses: {
    200: { description: '已调整；走访安排随之更新', content: { 'application/json': { schema: childDetailSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

/** Registered on the children sub-app, which already requires a session: the child's page's 监护评估 section. */
export function registerAssessmentRoutes(app: OpenAPIHono<Env>, deps: AppDeps): void {
  const { assessments } = deps;

  app.openapi(recordRoute, async (c) => {
    const key = parseIdempotencyKey(c.req.header('idempotency-key'));
    const { id } = c.req.valid('param');
    const { actor, child, assessment } = await assessments.recordAssessment(c.get('principal'), id, c.req.valid('json'), key);
    const { names } = await assessments.namesFor(assessment);
    c.header('Location', `${c.req.path.replace(/\/$/, '')}/${assessment.id}`);
    return c.json({ assessment: assessmentViewOf(assessment, names), child: childDetailFor(actor.role, child) }, 201);
  });

  app.openapi(listRoute, async (c) => {
    const { assessments: items, names, nextDue } = await assessments.listChildAssessments(c.get('principal'), c.req.valid('param').id);
    return c.json({ items: items.map((assessment) => assessmentViewOf(assessment, names)), nextDue }, 200);
  });

  app.openapi(readRoute, async (c) => {
    const { id, assessmentId } = c.req.valid('param');
    const { assessment, names } = await assessments.readAssessment(c.get('principal'), id, assessmentId);
    return c.json(assessmentViewOf(assessment, names), 200);
  });

  app.openapi(overrideRoute, async (c) => {
    const { actor, child } = await assessments.overrideRiskLevel(c.get('principal'), c.req.valid('param').id, c.req.valid('json'));
    return c.json(childDetailFor(actor.role, child), 200);
  });
}
