import { OpenAPIHono } from '@hono/zod-openapi';
import { submissionDeadlineOf } from '../../domain/case-file-submission.js';
import type { AppDeps } from '../app.js';
import { caseFileSubmissionViewSchema, progressParamsSchema, submissionParamsSchema, submissionProgressSchema } from '../case-file-schemas.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { problemResponses } from '../problem.js';
import { authenticate, withActor } from '../session.js';
import type { SessionTokens } from '../session-token.js';

const security = [{ bearerAuth: [] }];

const submitRoute = defineRoute({
  method: 'post',
  path: '/{year}/children/{childId}',
  summary: '报送儿童本年度档案至区民政局（R7，次年1月31日前；本镇儿童督导员；记录 PDF 的 SHA-256，逾期标记）',
  security,
  request: { params: submissionParamsSchema },
  responses: {
    201: { description: '已报送', content: { 'application/json': { schema: caseFileSubmissionViewSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 422),
  },
});

const progressRoute = defineRoute({
  method: 'get',
  path: '/districts/{districtId}/{year}',
  summary: '区档案报送进度（R7）：已提交 N / M，各镇情况，截止日期；区/市民政局',
  security,
  request: { params: progressParamsSchema },
  responses: {
    200: { description: '报送进度', content: { 'application/json': { schema: submissionProgressSchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

/** R7: the yearly submission of the children's files to the district. */
export function createCaseFilesApp(deps: AppDeps, tokens: SessionTokens): OpenAPIHono<Env> {
  const app = new OpenAPIHono<Env>();
  app.use('*', authenticate(tokens), withActor(deps.repositories.users));

  app.openapi(submitRoute, async (c) => {
    const { year, childId } = c.req.valid('param');
    const s = await deps.caseFiles.submitCaseFile(c.get('principal'), childId, year);
    const view = { childId: s.childId, year: s.year, submittedByName: s.submittedByName, submittedAt: s.submittedAt, pdfSha256: s.pdfSha256, late: s.late, deadline: submissionDeadlineOf(s.year) };
    return c.json(view, 201);
  });

  app.openapi(progressRoute, async (c) => {
    const { districtId, year } = c.req.valid('param');
    return c.json(await deps.caseFiles.readSubmissionProgress(c.get('actor'), districtId, year), 200);
  });

  return app;
}
