import { OpenAPIHono } from '@hono/zod-openapi';
import { decideRuleCatalogueAccess } from '../../domain/access-policy.js';
import { ForbiddenError, VersionConflictError } from '../../domain/errors.js';
import { updateDistrictPolicyInputSchema, visitRuleIds, type DistrictPolicy } from '../../domain/obligation.js';
import { visitRuleSummaries } from '../../domain/visit-rules.js';
import type { AppDeps } from '../app.js';
import { loadPolicyDistrict } from '../area-access.js';
import { auditEntryOf } from '../../app/audit-entry.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { problemResponses } from '../problem.js';
import { authenticate, withActor } from '../session.js';
import type { SessionTokens } from '../session-token.js';
import { districtParamsSchema, policyViewSchema, ruleCatalogueSchema } from '../visit-schemas.js';

const security = [{ bearerAuth: [] }];

const rulesRoute = defineRoute({
  method: 'get',
  path: '/rules',
  summary: '走访与联系规则目录（R3、R11、R14、R19、R20、R21）',
  security,
  responses: {
    200: { description: '规则目录', content: { 'application/json': { schema: ruleCatalogueSchema } } },
    ...problemResponses(401, 403),
  },
});

/** The catalogue of rules a district may choose from; staff only (it is not a family's matter). */
export function createPolicyApp(deps: AppDeps, tokens: SessionTokens): OpenAPIHono<Env> {
  const app = new OpenAPIHono<Env>();
  app.use('*', authenticate(tokens), withActor(deps.repositories.users));
  return app.openapi(rulesRoute, (c) => {
    const decision = decideRuleCatalogueAccess(c.get('actor'));
    if (!decision.allowed) throw new ForbiddenError('监护人不查看走访规则目录').refusing({ reason: decision.denial });
    return c.json({ rules: visitRuleSummaries.map(({ id, seed, title, description }) => ({ id, seed, title, description })) }, 200);
  });
}

const getPolicyRoute = defineRoute({
  method: 'get',
  path: '/{districtId}/policy',
  summary: '区的走访政策（未设置时为默认政策，版本 0）',
  security,
  request: { params: districtParamsSchema },
  responses: {
    200: { description: '走访政策', content: { 'application/json': { schema: policyViewSchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

const putPolicyRoute = defineRoute({
  method: 'put',
  path: '/{districtId}/policy',
  summary: '修改区的走访政策（区民政局；带版本号；随后重新计算全区儿童的应办事项）',
  security,
  request: {
    params: districtParamsSchema,
    body: { content: { 'application/json': { schema: updateDistrictPolicyInputSchema } }, required: true },
  },
  responses: {
    200: { description: '已修改', content: { 'application/json': { schema: policyViewSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

/** A district's choice of rules (DOMAIN.md: "A district chooses which of these rules apply"). */
export function createDistrictsApp(deps: AppDeps, tokens: SessionTokens): OpenAPIHono<Env> {
  const { policies, audit } = deps.repositories;
  const app = new OpenAPIHono<Env>();
  app.use('*', authenticate(tokens), withActor(deps.repositories.users));

  app.openapi(getPolicyRoute, async (c) => {
    const district = await loadPolicyDistrict(deps, c.get('actor'), c.req.valid('param').districtId, 'read');
    return c.json(await policies.get(district.id), 200);
  });

  app.openapi(putPolicyRoute, async (c) => {
    const actor = c.get('actor');
    const input = c.req.valid('json');
    const district = await loadPolicyDistrict(deps, actor, c.req.valid('param').districtId, 'update');
    const current = await policies.get(district.id);
    if (input.version !== current.version) throw new VersionConflictError('该区的走访政策已被他人修改，请刷新后重试', 'version');
    const now = deps.clock();
    const next: DistrictPolicy = {
      districtId: district.id,
      // Catalogue order, so equal choices are stored alike.
      ruleIds: visitRuleIds.filter((id) => input.ruleIds.includes(id)),
      unconfirmedAfterDays: input.unconfirmedAfterDays,
      updatedAt: now.toISOString(),
      updatedBy: actor.id,
      version: current.version + 1,
    };
    await policies.put(next);
    await audit.record([auditEntryOf(deps, actor, 'policy.update', null, 'allowed')]);
    await deps.useCases.refreshDistrictObligations(district.id, now);
    return c.json(next, 200);
  });

  return app;
}
