import type { IncomingMessage } from 'node:http';
import type { RequestIdVariables } from 'hono/request-id';
import type { Actor, User } from '../domain/user.js';

/**
 * What the two runtimes put in `c.env`: `hono/aws-lambda` passes the API Gateway request context, and
 * `@hono/node-server` the Node request. Both are optional because `app.request()` in tests passes neither.
 */
export interface ConnectionBindings {
  requestContext?: {
    http?: { sourceIp?: string };
    identity?: { sourceIp?: string };
  };
  incoming?: Pick<IncomingMessage, 'socket'>;
}

export interface Env {
  Bindings: ConnectionBindings;
  Variables: RequestIdVariables & {
    /** Set by the session middleware on protected routes. */
    actor: Actor;
    user: User;
  };
}
