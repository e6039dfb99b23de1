import { OpenAPIHono } from '@hono/zod-openapi';
import { childListScopeFor, decideChildAccess, listDenialOf } from '../../domain/access-policy.js';
import { childDetailFor, childSummaryFor } from '../../domain/child-views.js';
import { ForbiddenError } from '../../domain/errors.js';
import { auditEntryOf } from '../../app/audit-entry.js';
import type { AppDeps } from '../app.js';
import type { Env } from '../context.js';
import { rethrowCursorError } from '../list-errors.js';
import { collectRegionNames } from '../region-names.js';
import { authenticate, loadActor } from '../session.js';
import type { SessionTokens } from '../session-token.js';
import { registerChildEscalationRoutes } from './child-escalations.js';
import { registerChildVisitRoutes } from './child-visits.js';
import {
  assignTeamRoute,
  countChildrenRoute,
  createChildRoute,
  getChildRoute,
  listChildrenRoute,
  updateChildRoute,
} from './children-routes.js';

export function createChildrenApp(deps: AppDeps, tokens: SessionTokens): OpenAPIHono<Env> {
  const { children, audit, users, regions } = deps.repositories;
  const { useCases } = deps;
  const app = new OpenAPIHono<Env>();
  app.use('*', authenticate(tokens));

  // Before `/{id}`, so that `count` is not taken for a child's id.
  app.openapi(countChildrenRoute, async (c) => {
    const actor = await loadActor(c, users);
    const scope = childListScopeFor(actor);
    if (scope.kind === 'none') {
      throw new ForbiddenError('当前账号无权查看儿童名单').refusing({ action: 'child.count', reason: listDenialOf(actor) });
    }
    return c.json({ count: await children.count(scope) }, 200);
  });

  app.openapi(listChildrenRoute, async (c) => {
    const actor = await loadActor(c, users);
    const { limit, cursor } = c.req.valid('query');
    const scope = childListScopeFor(actor);
    if (scope.kind === 'none') {
      throw new ForbiddenError('当前账号无权查看儿童名单').refusing({ action: 'child.list', reason: listDenialOf(actor) });
    }
    const page = await children.list(scope, { limit, cursor: cursor ?? null }).catch(rethrowCursorError);
    // Defence in depth: whatever the index returned, only children the policy allows leave this function.
    const visible = page.items.filter((child) => decideChildAccess(actor, 'read', child).allowed);
    if (visible.length < page.items.length) {
      deps.logger.warn('child list returned children outside the actor scope', {
        requestId: c.get('requestId'),
        dropped: page.items.length - visible.length,
      });
    }
    if (visible.length > 0) {
      await audit.record(visible.map((child) => auditEntryOf(deps, actor, 'child.list', child.id, 'allowed')));
    }
    return c.json(
      {
        items: visible.map((child) => childSummaryFor(actor.role, child)),
        nextCursor: page.nextCursor,
        regionNames: await collectRegionNames(regions, visible),
      },
      200,
    );
  });

  app.openapi(getChildRoute, async (c) => {
    const { actor, child } = await useCases.readChild(c.get('principal'), c.req.valid('param').id);
    return c.json(childDetailFor(actor.role, child), 200);
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
  return app;
}
