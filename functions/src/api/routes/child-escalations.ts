import { z, type OpenAPIHono } from '@hono/zod-openapi';
import { escalationInputSchema } from '../../domain/escalation.js';
import type { AppDeps } from '../app.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { childEscalationsSchema, escalationViewSchema } from '../escalation-schemas.js';
import { escalationViewOf, villageNamesOfCases } from '../escalation-views.js';
import { parseIdempotencyKey } from '../idempotency-key.js';
import { problemResponses } from '../problem.js';
import { childIdParamsSchema } from '../schemas.js';

const security = [{ bearerAuth: [] }];

const raiseRoute = defineRoute({
  method: 'post',
  path: '/{id}/escalations',
  summary: '提请疑难个案（儿童的社工或儿童主任；按疑难个案处置表填写；Idempotency-Key 使重试只记一次）',
  security,
  request: {
    params: childIdParamsSchema,
    headers: z.object({ 'idempotency-key': z.string().optional().openapi({ description: '必填：8–64 位字母、数字、“-”或“_”，每个个案一个' }) }),
    body: { content: { 'application/json': { schema: escalationInputSchema } }, required: true },
  },
  responses: {
    201: { description: '已提请乡镇（街道）儿童督导员', content: { 'application/json': { schema: escalationViewSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

const listRoute = defineRoute({
  method: 'get',
  path: '/{id}/escalations',
  summary: '儿童的全部疑难个案及办理经过（最新在前；记录审计）',
  security,
  request: { params: childIdParamsSchema },
  responses: {
    200: { description: '疑难个案', content: { 'application/json': { schema: childEscalationsSchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

/** Registered on the children sub-app, which already requires a session for every route: the child's page's section. */
export function registerChildEscalationRoutes(app: OpenAPIHono<Env>, deps: AppDeps): void {
  const { regions } = deps.repositories;
  const { escalations } = deps;

  app.openapi(raiseRoute, async (c) => {
    // Checked here so that a missing key is named as the client spells it (Idempotency-Key).
    const key = parseIdempotencyKey(c.req.header('idempotency-key'));
    const { actor, escalation, child, names } = await escalations.raiseEscalation(c.get('principal'), c.req.valid('param').id, c.req.valid('json'), key);
    // The case lives at /escalations/{id}, beside /children.
    c.header('Location', c.req.path.replace(/\/children\/[^/]+\/escalations\/?$/, `/escalations/${escalation.id}`));
    return c.json(escalationViewOf(actor, escalation, child, names, await villageNamesOfCases(regions, [escalation]), deps.clock()), 201);
  });

  app.openapi(listRoute, async (c) => {
    const { actor, child, escalations: items, names, now } = await escalations.listChildEscalations(c.get('principal'), c.req.valid('param').id);
    const villages = await villageNamesOfCases(regions, items);
    return c.json({ items: items.map((escalation) => escalationViewOf(actor, escalation, child, names, villages, now)) }, 200);
  });
}
