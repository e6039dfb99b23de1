import { timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';

/**
 * Behind the stack's CloudFront distribution (infra/lib/h5-site.ts) API Gateway's `sourceIp` is an edge server's
 * address, shared by everyone that edge serves: the per-client limits (login, public reports) would count them all
 * as one. CloudFront tells the API who the viewer is, and the API believes it only when the request proves it came
 * through CloudFront, because the API's own endpoint stays reachable and anyone can write any header there.
 *
 * Not X-Forwarded-For and a hop count (SHOUHU_TRUSTED_PROXY_HOPS, for the local server behind nginx): with a public
 * endpoint beside the proxy the header is the caller's to write, and what an HTTP API adds to it is not firmly documented.
 */

/**
 * Sent by CloudFront to the API on every request (an origin custom header), with a value only the stack knows;
 * CloudFront replaces a header of this name that a viewer sends.
 */
export const ORIGIN_VERIFY_HEADER = 'x-shouhu-origin-verify';
/** Set by the CloudFront Function on /api/* to the viewer's address (infra/lib/cloudfront-functions/api-viewer-address.js). */
export const VIEWER_ADDRESS_HEADER = 'x-shouhu-viewer-address';

/**
 * The fields this reads of an API Gateway HTTP API (payload 2.0) event, the kind this stack's API gets: header names
 * in lower case, the connection's address in `requestContext.http.sourceIp`.
 */
interface HttpApiEventFields {
  headers?: Record<string, unknown>;
  requestContext?: { http?: { sourceIp?: string } };
}

/**
 * The event as if API Gateway had been reached by the viewer itself: when it carries the stack's token, its
 * `sourceIp` becomes the viewer's address CloudFront gave. Without the token (a direct call, or no token configured)
 * or with no usable address, the event is left as API Gateway made it. The token never goes further than here.
 */
export function withCloudFrontViewer<E extends object>(event: E, originVerifyToken: string): E {
  const { headers = {}, requestContext } = event as HttpApiEventFields;
  const { [ORIGIN_VERIFY_HEADER]: presented, ...rest } = headers;
  if (presented === undefined) return event;

  const viewer = headers[VIEWER_ADDRESS_HEADER];
  const http = requestContext?.http;
  const fromCloudFront =
    typeof presented === 'string' && isToken(presented, originVerifyToken) && typeof viewer === 'string' && isIP(viewer) !== 0 && http !== undefined;
  if (!fromCloudFront) return { ...event, headers: rest };
  return { ...event, headers: rest, requestContext: { ...requestContext, http: { ...http, sourceIp: viewer } } };
}

function isToken(presented: string, expected: string): boolean {
  if (expected === '') return false;
  const a = Buffer.from(presented, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
