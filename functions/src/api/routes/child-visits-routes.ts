import { z } from '@hono/zod-openapi';
import {
  checkInInputSchema,
  confirmVisitInputSchema,
  correctVisitInputSchema,
  settleDisputeInputSchema,
  withdrawVisitInputSchema,
} from '../../domain/visit.js';
import { defineRoute } from '../define-route.js';
import { problemResponses } from '../problem.js';
import { childIdParamsSchema } from '../schemas.js';
import {
  chainIntegritySchema,
  childVisitParamsSchema,
  dueListSchema,
  visitListQuerySchema,
  visitDetailSchema,
  visitPageSchema,
  visitViewSchema,
} from '../visit-schemas.js';

/** A child's visits, the guardian's answer, the chain check and what the child is due (VISITS-API.md). */
const security = [{ bearerAuth: [] }];
const visitContent = { 'application/json': { schema: visitViewSchema } };
const visitDetailContent = { 'application/json': { schema: visitDetailSchema } };

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

/** Issue 7, B1–B3: one visit's page, and what the supervisor and the author do from it. */
export const readVisitRoute = defineRoute({
  method: 'get',
  path: '/{id}/visits/{visitId}',
  summary: '一次走访的详情（各角色看到其可看的内容，并告知可进行的操作）',
  security,
  request: { params: childVisitParamsSchema },
  responses: {
    200: { description: '走访详情', content: visitDetailContent },
    ...problemResponses(400, 401, 404),
  },
});

export const settleDisputeRoute = defineRoute({
  method: 'post',
  path: '/{id}/visits/{visitId}/resolution',
  summary: '督导员处理监护人的异议：核实属实、与记录不符或已安排重新走访（通知社工和监护人）',
  security,
  request: {
    params: childVisitParamsSchema,
    body: { content: { 'application/json': { schema: settleDisputeInputSchema } }, required: true },
  },
  responses: {
    200: { description: '异议已处理', content: visitDetailContent },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

export const correctVisitRoute = defineRoute({
  method: 'post',
  path: '/{id}/visits/{visitId}/corrections',
  summary: '登记人在7天内更正自己的走访记录（原记录保留在哈希链上）',
  security,
  request: {
    params: childVisitParamsSchema,
    body: { content: { 'application/json': { schema: correctVisitInputSchema } }, required: true },
  },
  responses: {
    200: { description: '已更正', content: visitDetailContent },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

export const withdrawVisitRoute = defineRoute({
  method: 'post',
  path: '/{id}/visits/{visitId}/withdrawal',
  summary: '登记人在7天内撤回误登记的走访（记录保留，不再计入应访完成情况）',
  security,
  request: {
    params: childVisitParamsSchema,
    body: { content: { 'application/json': { schema: withdrawVisitInputSchema } }, required: true },
  },
  responses: {
    200: { description: '已撤回', content: visitDetailContent },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});
