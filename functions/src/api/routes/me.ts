import { OpenAPIHono } from '@hono/zod-openapi';
import { currentPledgeText } from '../../domain/pledge-texts.js';
import { rolesThatSignThePledge, signedCurrentPledgeAt } from '../../domain/user.js';
import type { AppDeps } from '../app.js';
import type { Env } from '../context.js';
import { defineRoute } from '../define-route.js';
import { problemResponses } from '../problem.js';
import { meSchema, sessionUserOf } from '../schemas.js';
import { authenticate, withActor } from '../session.js';
import { createChatBindingsApp } from './chat-bindings.js';
import { createOwnPledgeApp } from './me-pledge.js';
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
  app.route('/', createOwnPledgeApp(deps));
  return app.openapi(meRoute, (c) => {
    const user = c.get('user');
    const current = currentPledgeText().id;
    return c.json(
      {
        ...sessionUserOf(user),
        // R8: signed only when the current version was signed; a new version asks everyone again.
        pledgeSigned: signedCurrentPledgeAt(user, current) !== null,
        pledgeRequired: rolesThatSignThePledge.includes(user.role),
        pledgeVersion: current,
        pledgeSignedVersion: user.pledgeVersion,
      },
      200,
    );
  });
}
