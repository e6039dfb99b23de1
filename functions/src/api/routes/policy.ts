import { OpenAPIHono } from '@hono/zod-openapi';
import { decideRuleCatalogueAccess } from '../../domain/access-policy.js';
import { ForbiddenError } from '../../domain/errors.js';
import { updateDistrictPolicyInputSchema } from '../../domain/obligation.js';
import { visitRuleSummaries } from '../../domain/visit-rules.js';
import type { AppDeps } from '../app.js';
import { loadPolicyDistrict } from '../../app/area-guards.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { problemResponses } from '../problem.js';
import { authenticate, loadActor, withActor } from '../session.js';
import type { SessionTokens } from '../session-token.js';
import type { PolicyRefresh } from '../../domain/policy-refresh.js';
import {
  districtParamsSchema,
  policyPreviewSchema,
  policyViewSchema,
  ruleCatalogueSchema,
  type PolicyRefreshView,
  type PolicyView,
} from '../visit-schemas.js';

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
  summary: '区的走访政策（从未选择时为民政部指引 R19、R20、R21，版本 0，chosen 为 false），及按最新政策重算全区儿童的进度',
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
  summary: '修改区的走访政策（区民政局；带版本号）；全区儿童的应办事项随后由后台任务重算，进度见 refresh',
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

const previewPolicyRoute = defineRoute({
  method: 'post',
  path: '/{districtId}/policy/preview',
  summary: '预览修改走访政策的影响（区民政局；不写入任何数据）：涉及多少儿童，新增、取消、改期多少事项',
  security,
  request: {
    params: districtParamsSchema,
    body: { content: { 'application/json': { schema: updateDistrictPolicyInputSchema } }, required: true },
  },
  responses: {
    200: { description: '影响预览', content: { 'application/json': { schema: policyPreviewSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

/** Version 0 is the national default nobody stored: the district never chose. */
function policyViewOf(policy: Omit<PolicyView, 'chosen' | 'refresh'>, refresh: PolicyRefresh | null): PolicyView {
  return { ...policy, chosen: policy.version > 0, refresh: refresh && refreshViewOf(refresh) };
}

function refreshViewOf({ policyVersion, status, done, total, startedAt, finishedAt }: PolicyRefresh): PolicyRefreshView {
  return { policyVersion, status, done, total, startedAt, finishedAt };
}

/** A district's choice of rules (DOMAIN.md: "A district chooses which of these rules apply"). */
export function createDistrictsApp(deps: AppDeps, tokens: SessionTokens): OpenAPIHono<Env> {
  const { policies, policyRefreshes, users } = deps.repositories;
  const app = new OpenAPIHono<Env>();
  app.use('*', authenticate(tokens));

  app.openapi(getPolicyRoute, async (c) => {
    const actor = await loadActor(c, users);
    const district = await loadPolicyDistrict(deps.repositories, actor, c.req.valid('param').districtId, 'read');
    const [policy, refresh] = await Promise.all([policies.get(district.id), policyRefreshes.get(district.id)]);
    return c.json(policyViewOf(policy, refresh), 200);
  });

  app.openapi(previewPolicyRoute, async (c) => {
    const preview = await deps.useCases.previewPolicy(c.get('principal'), { districtId: c.req.valid('param').districtId, input: c.req.valid('json') });
    return c.json(preview, 200);
  });

  app.openapi(putPolicyRoute, async (c) => {
    const { policy, refresh } = await deps.useCases.changePolicy(c.get('principal'), { districtId: c.req.valid('param').districtId, input: c.req.valid('json') });
    return c.json(policyViewOf(policy, refresh), 200);
  });

  return app;
}
