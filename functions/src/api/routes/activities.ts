import { OpenAPIHono } from '@hono/zod-openapi';
import { cancelActivity, editActivity, listActivityAreas, planActivity } from '../../app/plan-activity.js';
import { listActivities, readActivity, readR5Standings } from '../../app/read-activities.js';
import { recordAttendance } from '../../app/record-attendance.js';
import { cancelSignUp, signUpForActivity } from '../../app/sign-up-activity.js';
import { activityPlanSchema, attendanceInputSchema, editActivityInputSchema, signUpInputSchema } from '../../domain/activity.js';
import {
  activityAreasSchema,
  activityListSchema,
  activityParamsSchema,
  activityViewSchema,
  cancelActivityInputSchema,
  r5StandingsSchema,
  signUpParamsSchema,
} from '../activity-schemas.js';
import type { AppDeps } from '../app.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { problemResponses } from '../problem.js';
import { authenticate, withActor } from '../session.js';
import type { SessionTokens } from '../session-token.js';

const security = [{ bearerAuth: [] }];
const json = <S>(schema: S) => ({ content: { 'application/json': { schema } }, required: true });
const viewAnswer = (description: string) => ({ description, content: { 'application/json': { schema: activityViewSchema } } });

const listRoute = defineRoute({
  method: 'get',
  path: '/',
  summary: '集体活动（R5）：机构管理员和社工看本机构的全部活动，志愿者看本机构报名中的活动，监护人看孩子所在地区的活动',
  security,
  responses: { 200: { description: '活动列表', content: { 'application/json': { schema: activityListSchema } } }, ...problemResponses(400, 401) },
});

const planRoute = defineRoute({
  method: 'post',
  path: '/',
  summary: '发起集体活动（本机构管理员或社工；须已签署承诺书，R8）',
  security,
  request: { body: json(activityPlanSchema) },
  responses: { 201: viewAnswer('已发起'), ...problemResponses(400, 401, 403, 422) },
});

const r5Route = defineRoute({
  method: 'get',
  path: '/r5',
  summary: 'R5 年度统计：本区各机构今年已举办的集体活动数与最低要求（2 次），第四季度仍未达到的标出',
  security,
  responses: { 200: { description: '各机构年度统计', content: { 'application/json': { schema: r5StandingsSchema } } }, ...problemResponses(400, 401, 403) },
});

const areasRoute = defineRoute({
  method: 'get',
  path: '/areas',
  summary: '发起活动时可选的活动对象：本机构所在区的镇（街道）和村（居）',
  security,
  responses: { 200: { description: '镇村列表', content: { 'application/json': { schema: activityAreasSchema } } }, ...problemResponses(400, 401, 403) },
});

const readRoute = defineRoute({
  method: 'get',
  path: '/{activityId}',
  summary: '活动详情：剩余名额、本人（或本人孩子）的报名；组织者另见全部报名名单。志愿者看不到任何儿童信息',
  security,
  request: { params: activityParamsSchema },
  responses: { 200: viewAnswer('活动'), ...problemResponses(400, 401, 404) },
});

const editRoute = defineRoute({
  method: 'put',
  path: '/{activityId}',
  summary: '修改尚未举办的活动（须带读取时的 version；名额不能少于已报名人数）',
  security,
  request: { params: activityParamsSchema, body: json(editActivityInputSchema) },
  responses: { 200: viewAnswer('已修改'), ...problemResponses(400, 401, 403, 404, 409, 422) },
});

const cancelRoute = defineRoute({
  method: 'post',
  path: '/{activityId}/cancel',
  summary: '取消活动；已报名的人会在消息中收到通知',
  security,
  request: { params: activityParamsSchema, body: json(cancelActivityInputSchema) },
  responses: { 200: viewAnswer('已取消'), ...problemResponses(400, 401, 403, 404, 409, 422) },
});

const signUpRoute = defineRoute({
  method: 'post',
  path: '/{activityId}/sign-ups',
  summary: '报名：志愿者为本人报名，监护人为本人的孩子报名（childId）；重复报名返回原报名（200）；满员 422；未签署承诺书 403（R8）',
  security,
  request: { params: activityParamsSchema, body: json(signUpInputSchema) },
  responses: { 201: viewAnswer('已报名'), 200: viewAnswer('此前已报名'), ...problemResponses(400, 401, 403, 404, 422) },
});

const cancelSignUpRoute = defineRoute({
  method: 'delete',
  path: '/{activityId}/sign-ups/{signUpId}',
  summary: '活动开始前取消本人（或本人孩子）的报名',
  security,
  request: { params: signUpParamsSchema },
  responses: { 200: viewAnswer('已取消报名'), ...problemResponses(400, 401, 403, 404, 422) },
});

const attendanceRoute = defineRoute({
  method: 'post',
  path: '/{activityId}/attendance',
  summary: '活动开始后登记签到：勾选到场的报名，活动即为已举办，计入当月汇报（R4）和年度统计（R5）',
  security,
  request: { params: activityParamsSchema, body: json(attendanceInputSchema) },
  responses: { 200: viewAnswer('已登记'), ...problemResponses(400, 401, 403, 404, 409, 422) },
});

/** R5's group activities: planned by the organization, joined by its volunteers and the area's families, counted yearly. */
export function createActivitiesApp(deps: AppDeps, tokens: SessionTokens): OpenAPIHono<Env> {
  const ports = { ...deps.repositories, clock: deps.clock, newId: deps.newId };
  const app = new OpenAPIHono<Env>();
  app.use('*', authenticate(tokens), withActor(deps.repositories.users));
  const reader = (c: { get(key: 'actor'): Env['Variables']['actor']; get(key: 'user'): Env['Variables']['user'] }) => ({ ...c.get('actor'), name: c.get('user').name });

  app.openapi(listRoute, async (c) => c.json(await listActivities(ports, c.get('actor')), 200));
  app.openapi(planRoute, async (c) => c.json(await planActivity(ports, reader(c), c.req.valid('json')), 201));
  app.openapi(r5Route, async (c) => c.json(await readR5Standings(ports, c.get('actor')), 200));
  app.openapi(areasRoute, async (c) => c.json({ items: await listActivityAreas(ports, reader(c)) }, 200));
  app.openapi(readRoute, async (c) => c.json(await readActivity(ports, reader(c), c.req.valid('param').activityId), 200));
  app.openapi(editRoute, async (c) => c.json(await editActivity(ports, reader(c), c.req.valid('param').activityId, c.req.valid('json')), 200));
  app.openapi(cancelRoute, async (c) =>
    c.json(await cancelActivity(ports, reader(c), c.req.valid('param').activityId, c.req.valid('json').version), 200),
  );
  app.openapi(signUpRoute, async (c) => {
    const { created, activity } = await signUpForActivity(ports, reader(c), c.req.valid('param').activityId, c.req.valid('json'));
    return created ? c.json(activity, 201) : c.json(activity, 200);
  });
  app.openapi(cancelSignUpRoute, async (c) => {
    const { activityId, signUpId } = c.req.valid('param');
    return c.json(await cancelSignUp(ports, reader(c), activityId, signUpId), 200);
  });
  app.openapi(attendanceRoute, async (c) =>
    c.json(await recordAttendance(ports, reader(c), c.req.valid('param').activityId, c.req.valid('json')), 200),
  );
  return app;
}
