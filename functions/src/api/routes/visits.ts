import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../app.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { problemResponses } from '../problem.js';
import { authenticate, withActor } from '../session.js';
import type { SessionTokens } from '../session-token.js';
import { pendingVisitListSchema } from '../visit-schemas.js';
import { visitViewFor } from '../visit-views.js';

const pendingRoute = defineRoute({
  method: 'get',
  path: '/pending-confirmation',
  summary: '待我确认的走访（监护人）',
  security: [{ bearerAuth: [] }],
  responses: {
    200: { description: '待确认的走访，最近登记的在前', content: { 'application/json': { schema: pendingVisitListSchema } } },
    ...problemResponses(401, 403),
  },
});

/** The guardian's home page (issue 3, part 6): visits of their children waiting for their answer. */
export function createVisitsApp(deps: AppDeps, tokens: SessionTokens): OpenAPIHono<Env> {
  const app = new OpenAPIHono<Env>();
  app.use('*', authenticate(tokens), withActor(deps.repositories.users));
  return app.openapi(pendingRoute, async (c) => {
    const { items, participantNames } = await deps.useCases.listPendingConfirmations(c.get('actor'));
    return c.json(
      { items: items.map(({ visit, childName }) => ({ ...visitViewFor('guardian', visit, participantNames), childName })) },
      200,
    );
  });
}
