import { OpenAPIHono } from '@hono/zod-openapi';
import { daysBetween } from '../../domain/calendar.js';
import { shanghaiDate } from '../../domain/time.js';
import type { Visit } from '../../domain/visit.js';
import type { AppDeps } from '../app.js';
import { loadOverseenTown } from '../../app/area-guards.js';
import { auditEntryOf } from '../../app/audit-entry.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { dueItemsOf } from '../due-items.js';
import { problemResponses } from '../problem.js';
import { regionNamesOf } from '../region-names.js';
import { authenticate, withActor } from '../session.js';
import type { SessionTokens } from '../session-token.js';
import {
  ATTENTION_LIST_LIMIT,
  attentionQuerySchema,
  attentionVisitListSchema,
  dueListSchema,
  townDayQuerySchema,
  townParamsSchema,
} from '../visit-schemas.js';
import { participantNamesOf, visitViewFor } from '../visit-views.js';

const security = [{ bearerAuth: [] }];

const townDayRoute = defineRoute({
  method: 'get',
  path: '/{townId}/obligations',
  summary: '全镇（街道）某日到期的走访与联系（默认今天）',
  security,
  request: { params: townParamsSchema, query: townDayQuerySchema },
  responses: {
    200: { description: '当日到期事项，含未组建执行小组的儿童', content: { 'application/json': { schema: dueListSchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

const attentionRoute = defineRoute({
  method: 'get',
  path: '/{townId}/visits/attention',
  summary: '需跟进的走访：监护人有异议的，或超过规定天数仍未确认的',
  security,
  request: { params: townParamsSchema, query: attentionQuerySchema },
  responses: {
    200: { description: '走访列表', content: { 'application/json': { schema: attentionVisitListSchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

const DAY_MS = 86_400_000;

/** A town's follow-up work, for its supervisor and the officers above it (issue 3, parts 2, 5 and 6). */
export function createTownsApp(deps: AppDeps, tokens: SessionTokens): OpenAPIHono<Env> {
  const { obligations, visits, policies, children, users, audit, regions } = deps.repositories;
  const app = new OpenAPIHono<Env>();
  app.use('*', authenticate(tokens), withActor(users));

  app.openapi(townDayRoute, async (c) => {
    const actor = c.get('actor');
    const { town } = await loadOverseenTown(deps.repositories, actor, c.req.valid('param').townId);
    const today = shanghaiDate(deps.clock());
    const entries = await obligations.listDueInTown(town.id, c.req.valid('query').date ?? today);
    const childIds = [...new Set(entries.map((entry) => entry.obligation.childId))];
    if (childIds.length > 0) await audit.record(childIds.map((id) => auditEntryOf(deps, actor, 'obligation.list', id, 'allowed')));
    return c.json({ items: await dueItemsOf(deps.repositories.records, entries, today) }, 200);
  });

  app.openapi(attentionRoute, async (c) => {
    const actor = c.get('actor');
    const { town, path } = await loadOverseenTown(deps.repositories, actor, c.req.valid('param').townId);
    const now = deps.clock();
    let found: Visit[];
    if (c.req.valid('query').state === 'disputed') {
      found = await visits.listDisputedInTown(town.id, ATTENTION_LIST_LIMIT);
    } else {
      const { unconfirmedAfterDays } = await policies.get(path.districtId);
      found = await visits.listPendingInTown(town.id, new Date(now.getTime() - unconfirmedAfterDays * DAY_MS), ATTENTION_LIST_LIMIT);
    }
    const childIds = [...new Set(found.map((visit) => visit.childId))];
    const [childNames, villageNames, participantNames] = await Promise.all([
      children.getMany(childIds).then((list) => new Map(list.map((child) => [child.id, child.name]))),
      regionNamesOf(regions, found.map((visit) => visit.region.villageId)),
      participantNamesOf(deps.repositories.records, found),
    ]);
    if (childIds.length > 0) await audit.record(childIds.map((id) => auditEntryOf(deps, actor, 'visit.list', id, 'allowed')));
    const today = shanghaiDate(now);
    return c.json(
      {
        items: found.map((visit) => ({
          ...visitViewFor(actor.role, visit, participantNames),
          childName: childNames.get(visit.childId) ?? '',
          villageName: villageNames.get(visit.region.villageId) ?? '',
          pendingDays: Math.max(0, daysBetween(shanghaiDate(new Date(visit.recordedAt)), today)),
        })),
      },
      200,
    );
  });

  return app;
}
