import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../app.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { dueItemsOf } from '../due-items.js';
import { problemResponses } from '../problem.js';
import { authenticate, withActor } from '../session.js';
import type { SessionTokens } from '../session-token.js';
import { dueListSchema, dueWithinQuerySchema } from '../visit-schemas.js';

const mineRoute = defineRoute({
  method: 'get',
  path: '/mine',
  summary: '我的应办事项：N 天内到期的走访与联系，以及全部逾期（最紧急在前）',
  security: [{ bearerAuth: [] }],
  request: { query: dueWithinQuerySchema },
  responses: {
    200: { description: '逾期最久在前，其次最先到期', content: { 'application/json': { schema: dueListSchema } } },
    ...problemResponses(400, 401, 403),
  },
});

/** The worker's home page (issue 3, part 6): one index query on the worker's own due dates, no scan. */
export function createObligationsApp(deps: AppDeps, tokens: SessionTokens): OpenAPIHono<Env> {
  const app = new OpenAPIHono<Env>();
  app.use('*', authenticate(tokens), withActor(deps.repositories.users));
  return app.openapi(mineRoute, async (c) => {
    const { today, entries } = await deps.useCases.listOwnDue(c.get('actor'), c.req.valid('query').within);
    return c.json({ items: await dueItemsOf(deps.repositories.records, entries, today) }, 200);
  });
}
