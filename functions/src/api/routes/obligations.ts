import { OpenAPIHono } from '@hono/zod-openapi';
import { mayHaveOwnObligations, mayListOwnObligationAt } from '../../domain/access-policy.js';
import { addDays } from '../../domain/calendar.js';
import { ForbiddenError } from '../../domain/errors.js';
import { shanghaiDate } from '../../domain/time.js';
import type { AppDeps } from '../app.js';
import { auditEntryOf } from '../../app/audit-entry.js';
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
  const { obligations, audit, records } = deps.repositories;
  const app = new OpenAPIHono<Env>();
  app.use('*', authenticate(tokens), withActor(deps.repositories.users));
  return app.openapi(mineRoute, async (c) => {
    const actor = c.get('actor');
    if (!mayHaveOwnObligations(actor)) {
      throw new ForbiddenError('只有社工和儿童主任有自己的走访安排').refusing({ action: 'obligation.list', reason: 'roleCannot' });
    }
    const today = shanghaiDate(deps.clock());
    const entries = await obligations.listDueForAssignee(actor.id, addDays(today, c.req.valid('query').within));
    const visible = entries.filter((entry) => mayListOwnObligationAt(actor, entry.region));
    const childIds = [...new Set(visible.map((entry) => entry.obligation.childId))];
    if (childIds.length > 0) await audit.record(childIds.map((id) => auditEntryOf(deps, actor, 'obligation.list', id, 'allowed')));
    return c.json({ items: await dueItemsOf(records, visible, today) }, 200);
  });
}
