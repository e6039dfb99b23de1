import { OpenAPIHono } from '@hono/zod-openapi';
import { escalationStepInputSchema } from '../../domain/escalation-lifecycle.js';
import type { EscalationRead } from '../../app/read-escalation.js';
import type { AppDeps } from '../app.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { escalationIdParamsSchema, escalationListsSchema, escalationViewSchema } from '../escalation-schemas.js';
import { escalationCounts, escalationSummaryOf, escalationViewOf, villageNamesOfCases } from '../escalation-views.js';
import { problemResponses } from '../problem.js';
import { authenticate } from '../session.js';
import type { SessionTokens } from '../session-token.js';

/** Difficult cases (issue 8, R6): each level's queue, one case with its trail, and the steps of its level's officer. */
const security = [{ bearerAuth: [] }];
const viewContent = { 'application/json': { schema: escalationViewSchema } };

const listRoute = defineRoute({
  method: 'get',
  path: '/',
  summary: '本级待办的疑难个案（未解决、紧急、受理期限最早的在前；超时未受理的标红）和下一级超时未受理的个案',
  security,
  responses: {
    200: { description: '疑难个案', content: { 'application/json': { schema: escalationListsSchema } } },
    ...problemResponses(401),
  },
});

const readRoute = defineRoute({
  method: 'get',
  path: '/{id}',
  summary: '一个疑难个案及其办理经过（儿童的社工、儿童主任、社会组织、督导员、区、市民政局；记录审计）',
  security,
  request: { params: escalationIdParamsSchema },
  responses: { 200: { description: '疑难个案', content: viewContent }, ...problemResponses(400, 401, 404) },
});

const stepRoute = defineRoute({
  method: 'post',
  path: '/{id}/steps',
  summary: '本级办理一步：受理、解决（写明处理结果）或上报上一级（写明原因）',
  security,
  request: {
    params: escalationIdParamsSchema,
    body: { content: { 'application/json': { schema: escalationStepInputSchema } }, required: true },
  },
  responses: { 200: { description: '已办理', content: viewContent }, ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422) },
});

export function createEscalationsApp(deps: AppDeps, tokens: SessionTokens): OpenAPIHono<Env> {
  const { regions } = deps.repositories;
  const { escalations } = deps;
  const app = new OpenAPIHono<Env>();
  app.use('*', authenticate(tokens));

  const viewOf = async ({ actor, escalation, child, names }: EscalationRead) =>
    escalationViewOf(actor, escalation, child, names, await villageNamesOfCases(regions, [escalation]), deps.clock());

  app.openapi(listRoute, async (c) => {
    const { level, queue, overdueBelow, now } = await escalations.listEscalations(c.get('principal'));
    const names = await villageNamesOfCases(regions, [...(queue ?? []), ...overdueBelow]);
    return c.json(
      {
        level,
        queue: queue === null ? null : queue.map((escalation) => escalationSummaryOf(escalation, names, now)),
        overdueBelow: overdueBelow.map((escalation) => escalationSummaryOf(escalation, names, now)),
        counts: escalationCounts(queue, overdueBelow, now),
      },
      200,
    );
  });

  app.openapi(readRoute, async (c) => c.json(await viewOf(await escalations.readEscalation(c.get('principal'), c.req.valid('param').id)), 200));

  app.openapi(stepRoute, async (c) =>
    c.json(await viewOf(await escalations.stepEscalation(c.get('principal'), c.req.valid('param').id, c.req.valid('json'))), 200),
  );

  return app;
}
