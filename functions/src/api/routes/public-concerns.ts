import { OpenAPIHono, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import type { ConcernUseCases } from '../../app/concern-use-cases.js';
import { publicConcernInputSchema } from '../../domain/concern.js';
import type { AppDeps } from '../app.js';
import { enforceClientLimit, type ClientLimit } from '../client-rate-limit.js';
import {
  concernStatusViewSchema,
  publicRegionListSchema,
  publicRegionQuerySchema,
  publicReportAnswerSchema,
  trackingLookupSchema,
} from '../concern-schemas.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { parseIdempotencyKey } from '../idempotency-key.js';
import { problemKinds, problemResponses, respondWithProblem } from '../problem.js';

/**
 * Issue 8, part 1: anyone may report without an account, and follow the report with its tracking code. These routes
 * never reveal anything about any child: a report names a place and describes the child; the status lookup answers
 * the status words and the closing feedback only. Limited per client, and to small bodies.
 */
export const PUBLIC_REPORT_MAX_BYTES = 8 * 1024;
export const PUBLIC_REPORT_LIMIT: ClientLimit = { name: 'public-report', attempts: 5, windowSeconds: 600, message: '提交过于频繁，请稍后再试；情况紧急请立即拨打110' };
export const TRACKING_LOOKUP_LIMIT: ClientLimit = { name: 'tracking-lookup', attempts: 10, windowSeconds: 60, message: '查询过于频繁，请稍后再试' };

const reportRoute = defineRoute({
  method: 'post',
  path: '/concerns',
  summary: '无需登录报告儿童可能遭受侵害或无人照看的情况（R17；可匿名；返回查询码）',
  request: {
    headers: z.object({ 'idempotency-key': z.string().optional().openapi({ description: '必填：8–64 位字母、数字、“-”或“_”，每份报告一个' }) }),
    body: { content: { 'application/json': { schema: publicConcernInputSchema } }, required: true },
  },
  responses: {
    201: { description: '已收到；查询码只显示这一次', content: { 'application/json': { schema: publicReportAnswerSchema } } },
    ...problemResponses(400, 404, 409, 413, 415, 429),
  },
});

const statusRoute = defineRoute({
  method: 'post',
  path: '/concerns/status',
  summary: '用查询码查看报告的办理状态（查询码放在请求体中，不进入网址和日志）',
  request: { body: { content: { 'application/json': { schema: trackingLookupSchema } }, required: true } },
  responses: {
    200: { description: '办理状态', content: { 'application/json': { schema: concernStatusViewSchema } } },
    ...problemResponses(400, 404, 413, 415, 429),
  },
});

const regionsRoute = defineRoute({
  method: 'get',
  path: '/regions',
  summary: '选择地点：市，或某一地区的下一级（区、镇街、村社区）',
  request: { query: publicRegionQuerySchema },
  responses: { 200: { description: '地区', content: { 'application/json': { schema: publicRegionListSchema } } }, ...problemResponses(400) },
});

export function createPublicApp(deps: AppDeps, concerns: ConcernUseCases): OpenAPIHono<Env> {
  const app = new OpenAPIHono<Env>();
  app.use(
    '*',
    bodyLimit({
      maxSize: PUBLIC_REPORT_MAX_BYTES,
      onError: (c) => respondWithProblem(c, problemKinds.payloadTooLarge, `请求体不能超过 ${PUBLIC_REPORT_MAX_BYTES / 1024} KiB`),
    }),
  );

  app.openapi(reportRoute, async (c) => {
    const key = parseIdempotencyKey(c.req.header('idempotency-key'));
    await enforceClientLimit(c, deps, PUBLIC_REPORT_LIMIT);
    const { concern, trackingCode } = await concerns.reportPublicConcern(c.req.valid('json'), key);
    return c.json({ trackingCode, status: concern.status, reportedAt: concern.createdAt }, 201);
  });

  app.openapi(statusRoute, async (c) => {
    await enforceClientLimit(c, deps, TRACKING_LOOKUP_LIMIT);
    return c.json(await concerns.concernStatus(c.req.valid('json').trackingCode), 200);
  });

  app.openapi(regionsRoute, async (c) => {
    const { parentId } = c.req.valid('query');
    const found = parentId === undefined ? await deps.repositories.regions.listRoots() : await deps.repositories.regions.listChildrenOf(parentId);
    return c.json({ items: found.map(({ id, name, level }) => ({ id, name, level })) }, 200);
  });

  return app;
}
