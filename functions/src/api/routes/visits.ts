import { OpenAPIHono } from '@hono/zod-openapi';
import { decidePendingConfirmationList } from '../../domain/access-policy.js';
import { ForbiddenError } from '../../domain/errors.js';
import type { AppDeps } from '../app.js';
import { auditEntryOf } from '../../app/audit-entry.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { problemResponses } from '../problem.js';
import { authenticate, withActor } from '../session.js';
import type { SessionTokens } from '../session-token.js';
import { pendingVisitListSchema } from '../visit-schemas.js';
import { participantNamesOf, visitViewFor } from '../visit-views.js';

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

/** A guardian has a handful of children at most; each has its own small slice of pending visits. */
const MAX_GUARDIAN_CHILDREN = 20;
const MAX_PENDING_PER_CHILD = 50;

/** The guardian's home page (issue 3, part 6): visits of their children waiting for their answer. */
export function createVisitsApp(deps: AppDeps, tokens: SessionTokens): OpenAPIHono<Env> {
  const { children, visits, users, audit } = deps.repositories;
  const app = new OpenAPIHono<Env>();
  app.use('*', authenticate(tokens), withActor(users));
  return app.openapi(pendingRoute, async (c) => {
    const actor = c.get('actor');
    const decision = decidePendingConfirmationList(actor);
    if (!decision.allowed) throw new ForbiddenError('只有监护人确认走访').refusing({ action: 'visit.list', reason: decision.denial });
    const own = await children.list({ kind: 'guardian', userId: actor.id }, { limit: MAX_GUARDIAN_CHILDREN });
    const perChild = await Promise.all(own.items.map((child) => visits.listPendingOfChild(child.id, MAX_PENDING_PER_CHILD)));
    const names = new Map(own.items.map((child) => [child.id, child.name]));
    const pending = perChild.flat().sort((a, b) => b.recordedAt.localeCompare(a.recordedAt));
    const childIds = [...new Set(pending.map((visit) => visit.childId))];
    if (childIds.length > 0) await audit.record(childIds.map((id) => auditEntryOf(deps, actor, 'visit.list', id, 'allowed')));
    const participantNames = await participantNamesOf(deps.repositories.records, pending);
    return c.json(
      { items: pending.map((visit) => ({ ...visitViewFor('guardian', visit, participantNames), childName: names.get(visit.childId) ?? '' })) },
      200,
    );
  });
}
