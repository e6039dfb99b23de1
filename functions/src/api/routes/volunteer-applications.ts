import { OpenAPIHono } from '@hono/zod-openapi';
import { applyAsVolunteer, readOwnApplication } from '../../app/apply-as-volunteer.js';
import { listVolunteerOrganizations } from '../../app/list-volunteer-organizations.js';
import { approveApplication, listPendingApplications, refuseApplication } from '../../app/review-volunteer-application.js';
import type { AppDeps } from '../app.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { problemResponses } from '../problem.js';
import type { RegistrationTickets } from '../registration-ticket.js';
import { authenticate, withActor } from '../session.js';
import type { SessionTokens } from '../session-token.js';
import {
  applicationListSchema,
  applicationParamsSchema,
  applicationRowSchema,
  applyInputSchema,
  approveInputSchema,
  organizationChoicesSchema,
  ownApplicationSchema,
  refuseInputSchema,
  ticketInputSchema,
} from '../volunteer-application-schemas.js';

const security = [{ bearerAuth: [] }];
const json = <S>(schema: S) => ({ content: { 'application/json': { schema } }, required: true });

const organizationsRoute = defineRoute({
  method: 'get',
  path: '/organizations',
  summary: '可申请加入的社会组织（仅名称，无需登录）',
  responses: { 200: { description: '社会组织', content: { 'application/json': { schema: organizationChoicesSchema } } } },
});

const applyRoute = defineRoute({
  method: 'post',
  path: '/',
  summary: '申请成为志愿者：凭微信登录得到的注册凭证，填写姓名、手机号、社会组织；同一微信再次提交得到原申请',
  request: { body: json(applyInputSchema) },
  responses: {
    200: { description: '此前已提交的申请', content: { 'application/json': { schema: ownApplicationSchema } } },
    201: { description: '已提交，等待审核', content: { 'application/json': { schema: ownApplicationSchema } } },
    ...problemResponses(400, 401, 413, 415, 422),
  },
});

const statusRoute = defineRoute({
  method: 'post',
  path: '/status',
  summary: '凭注册凭证查看自己的申请（审核中 / 未通过及原因 / 已通过）',
  request: { body: json(ticketInputSchema) },
  responses: {
    200: { description: '我的申请', content: { 'application/json': { schema: ownApplicationSchema } } },
    ...problemResponses(400, 401, 404, 413, 415),
  },
});

const pendingRoute = defineRoute({
  method: 'get',
  path: '/pending',
  summary: '本组织待审核的志愿者申请（社会组织管理员；手机号已脱敏）',
  security,
  responses: {
    200: { description: '待审核的申请', content: { 'application/json': { schema: applicationListSchema } } },
    ...problemResponses(401, 403),
  },
});

const approveRoute = defineRoute({
  method: 'post',
  path: '/{id}/approval',
  summary: '通过申请：创建志愿者账号并绑定其微信（须带读取时的 version，已被处理时 409）',
  security,
  request: { params: applicationParamsSchema, body: json(approveInputSchema) },
  responses: {
    200: { description: '已通过', content: { 'application/json': { schema: applicationRowSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
  },
});

const refuseRoute = defineRoute({
  method: 'post',
  path: '/{id}/refusal',
  summary: '不通过申请，须填写原因（申请人可见；须带读取时的 version，已被处理时 409）',
  security,
  request: { params: applicationParamsSchema, body: json(refuseInputSchema) },
  responses: {
    200: { description: '未通过', content: { 'application/json': { schema: applicationRowSchema } } },
    ...problemResponses(400, 401, 403, 404, 409, 413, 415),
  },
});

/**
 * Issue 11 part 2: volunteers apply without an account (with the ticket `/auth/wechat` gave them) and see their
 * application's status; the organization's admin reviews. The applicant's routes are public; the review routes
 * need a session.
 */
export function createVolunteerApplicationsApp(deps: AppDeps, tokens: SessionTokens, tickets: RegistrationTickets): OpenAPIHono<Env> {
  const ports = { ...deps.repositories, clock: deps.clock, newId: deps.newId };
  const app = new OpenAPIHono<Env>();
  const signedIn = [authenticate(tokens), withActor(deps.repositories.users)] as const;
  app.use('/pending', ...signedIn);
  app.use('/:id/approval', ...signedIn);
  app.use('/:id/refusal', ...signedIn);

  app.openapi(organizationsRoute, async (c) => c.json({ items: await listVolunteerOrganizations(ports) }, 200));

  app.openapi(applyRoute, async (c) => {
    const { ticket, ...fields } = c.req.valid('json');
    const { application, created } = await applyAsVolunteer(ports, tickets.open(ticket), fields);
    return created ? c.json(application, 201) : c.json(application, 200);
  });

  app.openapi(statusRoute, async (c) => c.json(await readOwnApplication(ports, tickets.open(c.req.valid('json').ticket)), 200));

  app.openapi(pendingRoute, async (c) => c.json({ items: await listPendingApplications(ports, c.get('actor')) }, 200));

  app.openapi(approveRoute, async (c) => {
    const reviewer = { ...c.get('actor'), name: c.get('user').name };
    return c.json(await approveApplication(ports, reviewer, c.req.valid('param').id, c.req.valid('json')), 200);
  });

  app.openapi(refuseRoute, async (c) => {
    const reviewer = { ...c.get('actor'), name: c.get('user').name };
    return c.json(await refuseApplication(ports, reviewer, c.req.valid('param').id, c.req.valid('json')), 200);
  });

  return app;
}
