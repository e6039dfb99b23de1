import { OpenAPIHono } from '@hono/zod-openapi';
import { signPledgeInputSchema } from '../../domain/pledge.js';
import type { AppDeps } from '../app.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { ownPledgeSchema, signPledgeResultSchema } from '../pledge-schemas.js';
import { problemResponses } from '../problem.js';

/** `/api/v1/me/pledge` and `/api/v1/me/pledge-signatures`: the signed-in account reads and signs the pledge (R8). */
const readRoute = defineRoute({
  method: 'get',
  path: '/pledge',
  summary: '儿童保护承诺书（R8）：当前版本全文，及本人对当前版本的签署（签署后被改动的记录标为异常）',
  security: [{ bearerAuth: [] }],
  responses: { 200: { description: '当前承诺书与本人签署', content: { 'application/json': { schema: ownPledgeSchema } } }, ...problemResponses(401) },
});

const signRoute = defineRoute({
  method: 'post',
  path: '/pledge-signatures',
  summary: '签署当前版本的儿童保护承诺书：版本、本人姓名、同意、手写签名（PNG，base64，≤ 100 KB）；已签署则不重复写入',
  security: [{ bearerAuth: [] }],
  request: { body: { content: { 'application/json': { schema: signPledgeInputSchema } }, required: true } },
  responses: {
    201: { description: '已签署', content: { 'application/json': { schema: signPledgeResultSchema } } },
    200: { description: '此前已签署当前版本，未重复写入', content: { 'application/json': { schema: signPledgeResultSchema } } },
    ...problemResponses(400, 401, 403, 409, 413, 422),
  },
});

/** A drawn signature of up to 100 KB is ~137 KB as base64: this route alone takes bodies up to this size. */
export const PLEDGE_SIGNATURE_BODY_BYTES = 160 * 1024;
export const PLEDGE_SIGNATURE_PATH = '/api/v1/me/pledge-signatures';

export function createOwnPledgeApp(deps: AppDeps): OpenAPIHono<Env> {
  const app = new OpenAPIHono<Env>();
  app.openapi(readRoute, async (c) => {
    const view = await deps.pledges.readOwnPledge(c.get('user'));
    return c.json({ ...view, text: { ...view.text, paragraphs: [...view.text.paragraphs] } }, 200);
  });
  app.openapi(signRoute, async (c) => {
    const { created, signature } = await deps.pledges.signPledge(c.get('user'), c.req.valid('json'));
    return created ? c.json({ signature }, 201) : c.json({ signature }, 200);
  });
  return app;
}
