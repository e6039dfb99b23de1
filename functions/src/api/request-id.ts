import { createMiddleware } from 'hono/factory';
import type { Env } from './context.js';

/**
 * Every request gets an id of the server's own, in the log, in problem bodies and in the X-Request-Id answer header.
 * Hono's `requestId()` adopts a client-sent X-Request-Id instead, which lets a client write what our logs and
 * answers call the request's id (forging or colliding with another's). A client's own id is kept apart, for
 * tracing on its side, only when it is a short plain token; anything else is dropped unseen.
 */
const CLIENT_REQUEST_ID = /^[A-Za-z0-9._:-]{1,64}$/;

export function assignRequestId(newId: () => string) {
  return createMiddleware<Env>(async (c, next) => {
    const requestId = newId();
    c.set('requestId', requestId);
    const clientRequestId = c.req.header('x-request-id');
    if (clientRequestId !== undefined && CLIENT_REQUEST_ID.test(clientRequestId)) c.set('clientRequestId', clientRequestId);
    c.header('X-Request-Id', requestId);
    await next();
  });
}
