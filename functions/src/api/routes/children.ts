import { OpenAPIHono } from '@hono/zod-openapi';
import { childDetailFor, childSummaryFor } from '../../domain/child-views.js';
import type { AppDeps } from '../app.js';
import type { Env } from '../context.js';
import { rethrowCursorError } from '../list-errors.js';
import { collectRegionNames } from '../region-names.js';
import { authenticate } from '../session.js';
import type { SessionTokens } from '../session-token.js';
import { registerChildCaseFileRoutes } from './child-case-file.js';
import { registerAssessmentRoutes } from './assessments.js';
import { registerCasePlanRoutes } from './case-plans.js';
import { registerChildEscalationRoutes } from './child-escalations.js';
import { registerChildVisitRoutes } from './child-visits.js';
import {
  assignTeamRoute,
  countChildrenRoute,
  createChildRoute,
  filterVillagesRoute,
  getChildRoute,
  listChildrenRoute,
  updateChildRoute,
} from './children-routes.js';

export function createChildrenApp(deps: AppDeps, tokens: SessionTokens): OpenAPIHono<Env> {
  const { regions } = deps.repositories;
  const { useCases } = deps;
  const app = new OpenAPIHono<Env>();
  app.use('*', authenticate(tokens));

  // Before `/{id}`, so that `count` and `villages` are not taken for a child's id.
  app.openapi(countChildrenRoute, async (c) => {
    return c.json({ count: await useCases.countChildren(c.get('principal'), c.req.valid('query')) }, 200);
  });

  app.openapi(filterVillagesRoute, async (c) => c.json({ items: await useCases.villagesToFilterBy(c.get('principal')) }, 200));

  app.openapi(listChildrenRoute, async (c) => {
    const { limit, cursor, ...filter } = c.req.valid('query');
    const { actor, page, dropped } = await useCases.listChildren(c.get('principal'), { filter, page: { limit, cursor: cursor ?? null } }).catch(rethrowCursorError);
    if (dropped > 0) {
      deps.logger.warn('child list returned children outside the actor scope', { requestId: c.get('requestId'), dropped });
    }
    return c.json(
      {
        items: page.items.map((child) => childSummaryFor(actor.role, child)),
        nextCursor: page.nextCursor,
        regionNames: await collectRegionNames(regions, page.items),
      },
      200,
    );
  });

  app.openapi(getChildRoute, async (c) => {
    const { actor, child, team } = await useCases.readChild(c.get('principal'), c.req.valid('param').id);
    return c.json({ ...childDetailFor(actor.role, child), teamMembers: team }, 200);
  });

  app.openapi(createChildRoute, async (c) => {
    const { actor, child } = await useCases.registerChild(c.get('principal'), c.req.valid('json'));
    c.header('Location', `${c.req.path.replace(/\/$/, '')}/${child.id}`);
    return c.json(childDetailFor(actor.role, child), 201);
  });

  app.openapi(updateChildRoute, async (c) => {
    const { actor, child } = await useCases.updateChild(c.get('principal'), c.req.valid('param').id, c.req.valid('json'));
    return c.json(childDetailFor(actor.role, child), 200);
  });

  app.openapi(assignTeamRoute, async (c) => {
    const { actor, child } = await useCases.assignTeam(c.get('principal'), c.req.valid('param').id, c.req.valid('json'));
    return c.json(childDetailFor(actor.role, child), 200);
  });

  registerChildVisitRoutes(app, deps);
  registerChildEscalationRoutes(app, deps);
  registerChildCaseFileRoutes(app, deps);
  registerAssessmentRoutes(app, deps);
  registerCasePlanRoutes(app, deps);
  return app;
}
