import type { IncomingMessage } from 'node:http';
import type { Actor, Principal, User } from '../domain/user.js';

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
  Variables: {
    /** The server's id for the request (request-id.ts). */
    requestId: string;
    /** The client's own X-Request-Id, when well formed; logged apart, never used as ours. */
    clientRequestId?: string;
    /** Who the session token names: set by `authenticate` on protected routes, before anything is read. */
    principal: Principal;
    /** The actor and their user record, set once read (`loadActor`); routes that call a use case never read them. */
    actor: Actor;
    user: User;
  };
}
