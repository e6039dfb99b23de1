import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { listUpcomingForGuardian } from '../../app/guardian-safety.js';
import { loadSession } from '../../app/safety-places.js';
import { readSafetySchedule } from '../../app/safety-schedule.js';
import { cancelSafetySession, holdSafetySession, planSafetySession } from '../../app/safety-sessions.js';
import { readDistrictTracker, readTownTracker } from '../../app/safety-tracker.js';
import { NotFoundError } from '../../domain/errors.js';
import { cancelSessionInputSchema, planSessionInputSchema } from '../../domain/safety-session.js';
import { safetyTopicNames } from '../../domain/safety-topics.js';
import type { AppDeps } from '../app.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { problemKinds, problemResponses, respondWithProblem } from '../problem.js';
import {
  districtParamsSchema,
  districtTrackerSchema,
  HOLD_BODY_MAX_BYTES,
  holdSessionInputSchema,
  photoParamsSchema,
  safetyScheduleSchema,
  safetySessionViewSchema,
  sessionParamsSchema,
  townParamsSchema,
  townTrackerSchema,
  upcomingSessionsSchema,
} from '../safety-schemas.js';
import { sessionViewOf, topicNamesOf, trackerRowsView } from '../safety-views.js';
import { authenticate, withActor } from '../session.js';
import type { SessionTokens } from '../session-token.js';

const security = [{ bearerAuth: [] }];
const json = <S>(schema: S) => ({ 'application/json': { schema } });

/** The one route whose body carries photos: the API's 64 KiB cap is lifted for it (app.ts) and its own applies. */
export const SAFETY_HOLD_PATH = /^\/api\/v1\/safety\/sessions\/[^/]+\/held$/;

const scheduleRoute = defineRoute({
  method: 'get',
  path: '/schedule',
  summary: '本人负责地区的安全教育安排（R12）：已计划、已开展、已取消的活动，可安排的对象，主题（4–6 月防溺水优先）',
  security,
  responses: { 200: { description: '安全教育安排', content: json(safetyScheduleSchema) }, ...problemResponses(401, 403, 404) },
});

const planRoute = defineRoute({
  method: 'post',
  path: '/sessions',
  summary: '安排一次安全教育（村、镇或学校；主题、日期、地点）',
  security,
  request: { body: { content: json(planSessionInputSchema), required: true } },
  responses: { 201: { description: '已安排', content: json(safetySessionViewSchema) }, ...problemResponses(400, 401, 403, 404, 422) },
});

const readRoute = defineRoute({
  method: 'get',
  path: '/sessions/{sessionId}',
  summary: '一次安全教育的详情',
  security,
  request: { params: sessionParamsSchema },
  responses: { 200: { description: '活动', content: json(safetySessionViewSchema) }, ...problemResponses(400, 401, 403, 404) },
});

const holdRoute = defineRoute({
  method: 'post',
  path: '/sessions/{sessionId}/held',
  summary: '记录为已开展：参加人数与一到两张照片（JPEG/PNG，各不超过 300 KB）；须带读取时的 version',
  security,
  request: { params: sessionParamsSchema, body: { content: json(holdSessionInputSchema), required: true } },
  responses: { 200: { description: '已记录', content: json(safetySessionViewSchema) }, ...problemResponses(400, 401, 403, 404, 409, 413, 422) },
});

const cancelRoute = defineRoute({
  method: 'post',
  path: '/sessions/{sessionId}/cancelled',
  summary: '取消一次已计划的安全教育（须写明原因并带 version）',
  security,
  request: { params: sessionParamsSchema, body: { content: json(cancelSessionInputSchema), required: true } },
  responses: { 200: { description: '已取消', content: json(safetySessionViewSchema) }, ...problemResponses(400, 401, 403, 404, 409, 422) },
});

const photoRoute = defineRoute({
  method: 'get',
  path: '/sessions/{sessionId}/photos/{index}',
  summary: '已开展活动的照片',
  security,
  request: { params: photoParamsSchema },
  responses: {
    200: { description: '照片', content: { 'image/jpeg': { schema: { type: 'string', format: 'binary' } }, 'image/png': { schema: { type: 'string', format: 'binary' } } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

const townTrackerRoute = defineRoute({
  method: 'get',
  path: '/tracker/towns/{townId}',
  summary: 'R12 进度：镇（街道）及其村（居）、学校今年、本季度、下一个假期前尚需开展的安全教育',
  security,
  request: { params: townParamsSchema },
  responses: { 200: { description: '镇（街道）的 R12 进度', content: json(townTrackerSchema) }, ...problemResponses(400, 401, 403, 404) },
});

const districtTrackerRoute = defineRoute({
  method: 'get',
  path: '/tracker/districts/{districtId}',
  summary: 'R12 进度：全区各镇（街道）汇总（区民政局）',
  security,
  request: { params: districtParamsSchema },
  responses: { 200: { description: '全区的 R12 汇总', content: json(districtTrackerSchema) }, ...problemResponses(400, 401, 403, 404) },
});

const upcomingRoute = defineRoute({
  method: 'get',
  path: '/upcoming',
  summary: '监护人：孩子所在村、镇接下来的安全教育（日期、主题、地点）',
  security,
  responses: { 200: { description: '接下来的活动', content: json(upcomingSessionsSchema) }, ...problemResponses(401, 403) },
});

/** R12's safety-education schedule, its tracker and the families' view of the next sessions (issue 11 part 3). */
export function createSafetyApp(deps: AppDeps, tokens: SessionTokens): OpenAPIHono<Env> {
  const ports = { ...deps.repositories, clock: deps.clock, newId: deps.newId };
  const app = new OpenAPIHono<Env>();
  app.use('*', authenticate(tokens), withActor(deps.repositories.users));
  app.use(
    '/sessions/:sessionId/held',
    bodyLimit({
      maxSize: HOLD_BODY_MAX_BYTES,
      onError: (c) => respondWithProblem(c, problemKinds.payloadTooLarge, '照片总大小超出上限，请压缩后再上传'),
    }),
  );

  app.openapi(scheduleRoute, async (c) => {
    const schedule = await readSafetySchedule(ports, c.get('actor'));
    return c.json(
      {
        today: schedule.today,
        districtId: schedule.area.districtId,
        villageId: schedule.area.villageId,
        towns: schedule.area.towns.map((town) => ({ id: town.id, name: town.name, villages: [...town.villages], schools: [...town.schools] })),
        topics: schedule.topics.map((code) => ({ code, name: safetyTopicNames[code] })),
        seasonalHint: schedule.seasonalHint,
        sessions: schedule.sessions.map(sessionViewOf),
      },
      200,
    );
  });

  app.openapi(planRoute, async (c) => {
    const organizer = { ...c.get('actor'), name: c.get('user').name };
    return c.json(sessionViewOf(await planSafetySession(ports, organizer, c.req.valid('json'))), 201);
  });

  app.openapi(readRoute, async (c) => {
    return c.json(sessionViewOf(await loadSession(ports, c.get('actor'), 'read', c.req.valid('param').sessionId)), 200);
  });

  app.openapi(holdRoute, async (c) => {
    const { sessionId } = c.req.valid('param');
    return c.json(sessionViewOf(await holdSafetySession(ports, c.get('actor'), sessionId, c.req.valid('json'))), 200);
  });

  app.openapi(cancelRoute, async (c) => {
    const { sessionId } = c.req.valid('param');
    return c.json(sessionViewOf(await cancelSafetySession(ports, c.get('actor'), sessionId, c.req.valid('json'))), 200);
  });

  app.openapi(photoRoute, async (c) => {
    const { sessionId, index } = c.req.valid('param');
    await loadSession(ports, c.get('actor'), 'read', sessionId);
    const photo = await deps.repositories.safetySessions.photo(sessionId, Number(index));
    if (photo === null) throw new NotFoundError('未找到该照片', 'index');
    return c.body(photo.bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': photo.type });
  });

  app.openapi(townTrackerRoute, async (c) => {
    const tracker = await readTownTracker(ports, c.get('actor'), c.req.valid('param').townId);
    return c.json({ ...tracker, rows: trackerRowsView(tracker.rows, tracker.today) }, 200);
  });

  app.openapi(districtTrackerRoute, async (c) => {
    return c.json(await readDistrictTracker(ports, c.get('actor'), c.req.valid('param').districtId), 200);
  });

  app.openapi(upcomingRoute, async (c) => {
    const items = await listUpcomingForGuardian(ports, c.get('actor'));
    return c.json({ items: items.map(({ topics, ...rest }) => ({ ...rest, topicNames: topicNamesOf(topics) })) }, 200);
  });

  return app;
}
