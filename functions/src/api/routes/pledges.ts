import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../app.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { pledgePdfOf } from '../pledge-export/pledge-pdf.js';
import { pledgePngOf } from '../pledge-export/pledge-png.js';
import { pledgeDocumentParamsSchema, pledgeRosterSchema } from '../pledge-schemas.js';
import { problemResponses } from '../problem.js';
import { authenticate, withActor } from '../session.js';
import type { SessionTokens } from '../session-token.js';

const security = [{ bearerAuth: [] }];

const rosterRoute = defineRoute({
  method: 'get',
  path: '/roster',
  summary: '本机构承诺书签署情况（社会组织管理员）：社工、管理员、志愿者是否已签署当前版本',
  security,
  responses: { 200: { description: '签署情况', content: { 'application/json': { schema: pledgeRosterSchema } } }, ...problemResponses(401, 403) },
});

const documentRoute = defineRoute({
  method: 'get',
  path: '/{userId}/{version}/{format}',
  summary: '下载已签署的承诺书（pdf 或 png；本人或本机构管理员；记录异常的不提供下载）',
  security,
  request: { params: pledgeDocumentParamsSchema },
  responses: {
    200: { description: '承诺书文件', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } }, 'image/png': { schema: { type: 'string', format: 'binary' } } } },
    ...problemResponses(400, 401, 404, 422),
  },
});

/** R8, issue 11: the org admin's roster of signatures and the downloads of signed pledges. */
export function createPledgesApp(deps: AppDeps, tokens: SessionTokens): OpenAPIHono<Env> {
  const app = new OpenAPIHono<Env>();
  app.use('*', authenticate(tokens), withActor(deps.repositories.users));

  app.openapi(rosterRoute, async (c) => c.json(await deps.pledges.readPledgeRoster(c.get('actor')), 200));

  app.openapi(documentRoute, async (c) => {
    const { userId, version, format } = c.req.valid('param');
    const pledge = await deps.pledges.readSignedPledge(c.get('actor'), userId, version);
    const name = encodeURIComponent(`儿童保护承诺书-${pledge.signerName}-${version}.${format}`);
    c.header('Content-Disposition', `attachment; filename="pledge-${version}.${format}"; filename*=UTF-8''${name}`);
    if (format === 'pdf') return c.body(await pledgePdfOf(pledge), 200, { 'Content-Type': 'application/pdf' });
    return c.body(await pledgePngOf(pledge), 200, { 'Content-Type': 'image/png' });
  });

  return app;
}
