import { z } from '@hono/zod-openapi';
import { checkInInputSchema, confirmVisitInputSchema } from '../../domain/visit.js';
import { defineRoute } from '../define-route.js';
import { problemResponses } from '../problem.js';
import { childIdParamsSchema } from '../schemas.js';
import {
  chainIntegritySchema,
  childVisitParamsSchema,
  dueListSchema,
  visitListQuerySchema,
  visitPageSchema,
  visitViewSchema,
} from '../visit-schemas.js';

/** A child's visits, the guardian's answer, the chain check and what the child is due (VISITS-API.md). */
const security = [{ bearerAuth: [] }];
const visitContent = { 'application/json': { schema: visitViewSchema } };

export const checkInRoute = defineRoute({
  method: 'post',
  path: '/{id}/visits',
  summary: '登记走访或联系（社工或儿童主任；Idempotency-Key 使重试只记一次）',
  security,
  request: {
    params: childIdParamsSchema,
    // Checked by the handler so that a missing key is named as the client spells it (Idempotency-Key).
    headers: z.object({
      'idempotency-key': z.string().optional().openapi({ description: '必填：8–64 位字母、数字、“-”或“_”，离线重发时保持不变' }),
    }),
    body: { content: { 'application/json': { schema: checkInInputSchema } }, required: true },
  },
  responses: {
    201: { description: '已登记（重放时带 Idempotent-Replayed: true）', content: visitContent },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

export const listVisitsRoute = defineRoute({
  method: 'get',
  path: '/{id}/visits',
  summary: '儿童的走访记录（按走访时间倒序；监护人看不到工作记录）',
  security,
  request: { params: childIdParamsSchema, query: visitListQuerySchema },
  responses: {
    200: { description: '一页走访记录', content: { 'application/json': { schema: visitPageSchema } } },
    ...problemResponses(400, 401, 404),
  },
});

export const answerVisitRoute = defineRoute({
  method: 'post',
  path: '/{id}/visits/{visitId}/confirmation',
  summary: '监护人确认走访或提出异议（异议通知督导员）',
  security,
  request: {
    params: childVisitParamsSchema,
    body: { content: { 'application/json': { schema: confirmVisitInputSchema } }, required: true },
  },
  responses: {
    200: { description: '已记录监护人的答复', content: visitContent },
    ...problemResponses(400, 401, 404, 409, 413, 415, 422),
  },
});

export const verifyChainRoute = defineRoute({
  method: 'get',
  path: '/{id}/visits/integrity',
  summary: '核验走访记录哈希链（记录被改动即可发现）',
  security,
  request: { params: childIdParamsSchema },
  responses: {
    200: { description: '核验结果', content: { 'application/json': { schema: chainIntegritySchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

export const childObligationsRoute = defineRoute({
  method: 'get',
  path: '/{id}/obligations',
  summary: '儿童接下来应做的走访、联系、复评与回访（含规则依据）',
  security,
  request: { params: childIdParamsSchema },
  responses: {
    200: { description: '应办事项，最早到期在前', content: { 'application/json': { schema: dueListSchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});
