import { OpenAPIHono } from '@hono/zod-openapi';
import { childListScopeFor, decideChildAccess, forbiddenPatchFields, listDenialOf } from '../../domain/access-policy.js';
import { applyChildPatch, assignTeam, registerChild } from '../../domain/child-lifecycle.js';
import { childDetailFor, childSummaryFor } from '../../domain/child-views.js';
import {
  ForbiddenError,
  LegalBasisRequiredError,
  RuleViolationError,
  VersionConflictError,
} from '../../domain/errors.js';
import { shanghaiDate } from '../../domain/time.js';
import type { AppDeps } from '../app.js';
import { assertMayAct } from '../../app/child-guards.js';
import { readChild } from '../../app/read-child.js';
import { loadReadableChild } from '../child-access.js';
import { auditEntryOf } from '../../app/audit-entry.js';
import {
  assertGuardianAccounts,
  assertOrganizationExists,
  assertRegionPathExists,
  assertTeamMembers,
} from '../child-references.js';
import type { Env } from '../context.js';
import { ForbiddenFieldsError } from '../errors.js';
import { rethrowCursorError } from '../list-errors.js';
import { collectRegionNames } from '../region-names.js';
import { authenticate, loadActor } from '../session.js';
import type { SessionTokens } from '../session-token.js';
import { registerChildVisitRoutes } from './child-visits.js';
import {
  assignTeamRoute,
  countChildrenRoute,
  createChildRoute,
  getChildRoute,
  listChildrenRoute,
  updateChildRoute,
} from './children-routes.js';

const staleVersion = () => new VersionConflictError('该记录已被他人修改，请刷新后重试', 'version');

/** Rule errors of a patch name the body path the client sent (`changes.legalBasis`), like validation errors do. */
function namedInChanges(error: unknown): unknown {
  if (error instanceof LegalBasisRequiredError) return new LegalBasisRequiredError(error.message, `changes.${error.field}`);
  if (error instanceof RuleViolationError && error.field) return new RuleViolationError(error.message, `changes.${error.field}`);
  return error;
}

export function createChildrenApp(deps: AppDeps, tokens: SessionTokens): OpenAPIHono<Env> {
  const { children, audit, users, regions, organizations } = deps.repositories;
  const readPorts = { records: deps.repositories.records, audit, clock: deps.clock, newId: deps.newId };
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
    const { actor, child } = await readChild(readPorts, c.get('principal'), c.req.valid('param').id);
    return c.json(childDetailFor(actor.role, child), 200);
  });

  app.openapi(createChildRoute, async (c) => {
    const actor = await loadActor(c, users);
    const input = c.req.valid('json');
    const decision = decideChildAccess(actor, 'create', { ...input, team: null });
    if (!decision.allowed) {
      throw new ForbiddenError('当前账号无权在该地区登记儿童', 'region').refusing({ action: 'child.create', reason: decision.denial });
    }
    await assertRegionPathExists(regions, input.region);
    await assertOrganizationExists(organizations, input.organizationId);
    await assertGuardianAccounts(users, input.guardians);
    const now = deps.clock();
    const child = registerChild(input, deps.newId(), now, shanghaiDate(now));
    await children.create(child, auditEntryOf(deps, actor, 'child.create', child.id, 'allowed'));
    c.header('Location', `${c.req.path.replace(/\/$/, '')}/${child.id}`);
    return c.json(childDetailFor(actor.role, child), 201);
  });

  app.openapi(updateChildRoute, async (c) => {
    const actor = await loadActor(c, users);
    const { version, changes } = c.req.valid('json');
    const child = await loadReadableChild(deps, actor, c.req.valid('param').id, 'child.update');
    assertMayAct(actor, 'update', child, 'child.update');
    const forbidden = forbiddenPatchFields(actor, changes);
    if (forbidden.length > 0) {
      throw new ForbiddenFieldsError(forbidden.map((field) => `changes.${field}`)).refusing({
        action: 'child.update',
        childId: child.id,
        reason: `forbiddenField:${forbidden.join(',')}`,
      });
    }
    if (version !== child.version) throw staleVersion();
    if (changes.region !== undefined) {
      await assertRegionPathExists(regions, changes.region, 'changes.region');
      if (!decideChildAccess(actor, 'update', { ...child, region: changes.region }).allowed) {
        throw new ForbiddenError('不能将儿童转到您负责的地区以外', 'changes.region').refusing({
          action: 'child.update',
          childId: child.id,
          reason: 'regionOutOfScope',
        });
      }
    }
    if (changes.organizationId !== undefined) await assertOrganizationExists(organizations, changes.organizationId);
    if (changes.guardians !== undefined) await assertGuardianAccounts(users, changes.guardians, 'changes.guardians');
    const now = deps.clock();
    let next;
    try {
      next = applyChildPatch(child, changes, now, shanghaiDate(now));
    } catch (error) {
      throw namedInChanges(error);
    }
    await children.update(child, next, auditEntryOf(deps, actor, 'child.update', child.id, 'allowed'));
    return c.json(childDetailFor(actor.role, next), 200);
  });

  app.openapi(assignTeamRoute, async (c) => {
    const actor = await loadActor(c, users);
    const input = c.req.valid('json');
    const child = await loadReadableChild(deps, actor, c.req.valid('param').id, 'child.assignTeam');
    assertMayAct(actor, 'assignTeam', child, 'child.assignTeam');
    if (input.version !== child.version) throw staleVersion();
    await assertTeamMembers(users, input.team, child.region);
    const next = assignTeam(child, input, actor.id, deps.clock());
    await children.update(child, next, auditEntryOf(deps, actor, 'child.assignTeam', child.id, 'allowed'));
    return c.json(childDetailFor(actor.role, next), 200);
  });

  registerChildVisitRoutes(app, deps);
  return app;
}
