import { OpenAPIHono } from '@hono/zod-openapi';
import { rolesThatSignThePledge } from '../../domain/user.js';
import type { AppDeps } from '../app.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { problemResponses } from '../problem.js';
import { meSchema, sessionUserOf } from '../schemas.js';
import { authenticate, withActor } from '../session.js';
import { createChatBindingsApp } from './chat-bindings.js';
import { createSubscriptionsApp } from './subscriptions.js';
import type { SessionTokens } from '../session-token.js';

const meRoute = defineRoute({
  method: 'get',
  path: '/',
  summary: '当前登录用户',
  security: [{ bearerAuth: [] }],
  responses: {
    200: { description: '当前用户', content: { 'application/json': { schema: meSchema } } },
    ...problemResponses(401),
  },
});

export function createMeApp(deps: AppDeps, tokens: SessionTokens): OpenAPIHono<Env> {
  const app = new OpenAPIHono<Env>();
  app.use('*', authenticate(tokens), withActor(deps.repositories.users));
  app.route('/subscriptions', createSubscriptionsApp(deps, deps.channels ?? { templates: [], miniprogramState: 'formal', robotKeys: {} }));
  app.route('/', createChatBindingsApp(deps));
  return app.openapi(meRoute, (c) => {
    const user = c.get('user');
    return c.json(
      {
        ...sessionUserOf(user),
        pledgeSigned: user.pledgeSignedAt !== null,
        pledgeRequired: rolesThatSignThePledge.includes(user.role),
      },
      200,
    );
  });
}
