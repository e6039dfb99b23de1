import { describe, expect, it } from 'vitest';
import { ORIGIN_VERIFY_HEADER, VIEWER_ADDRESS_HEADER, withCloudFrontViewer } from '../../functions/src/api/cloudfront-viewer.js';
import { REPO_PATHS } from '../../infra/lib/repo-paths.js';
import { loadCloudFrontFunction, type ViewerRequest } from './support/cloudfront-function.js';

const EDGE_ADDRESS = '130.176.100.154';
/** Stands in for the stack's id, which the origin header and the function's environment both resolve to. */
const TOKEN = '5f0c8a90-3b1e-11f1-9c2d-0a1b2c3d4e5f';

/** The event API Gateway makes of a request: the connection's address as `sourceIp`, header names in lower case. */
function gatewayEvent(headers: Record<string, string>, sourceIp: string) {
  return {
    version: '2.0',
    rawPath: '/api/v1/auth/wechat',
    headers,
    requestContext: { http: { method: 'POST', path: '/api/v1/auth/wechat', sourceIp } },
  };
}

/** What CloudFront sends the API: the request as the function left it, with the origin's custom header set. */
function throughCloudFront(viewerIp: string, viewerHeaders: Record<string, string>) {
  const viewerAddress = loadCloudFrontFunction(REPO_PATHS.apiViewerAddressFunction);
  const request: ViewerRequest = {
    method: 'POST',
    uri: '/api/v1/auth/wechat',
    querystring: {},
    headers: Object.fromEntries(Object.entries(viewerHeaders).map(([name, value]) => [name, { value }])),
  };
  const forwarded = viewerAddress({ viewer: { ip: viewerIp }, request });
  const headers = Object.fromEntries(Object.entries(forwarded.headers).map(([name, { value }]) => [name, value]));
  return gatewayEvent({ ...headers, [ORIGIN_VERIFY_HEADER]: TOKEN }, EDGE_ADDRESS);
}

/** The /api/* function and the API function's reading of what it sends, together: who the API counts as the caller. */
describe("the viewer's address, from CloudFront to the API", () => {
  it.each(['198.51.100.23', '2001:db8:4:5::17'])('counts the viewer %s, not the edge server, as the caller', (viewerIp) => {
    const event = withCloudFrontViewer(throughCloudFront(viewerIp, { authorization: 'Bearer t' }), TOKEN);

    expect(event.requestContext.http.sourceIp).toBe(viewerIp);
    expect(event.headers.authorization).toBe('Bearer t');
    expect(event.headers[ORIGIN_VERIFY_HEADER]).toBeUndefined();
  });

  it('replaces an address the viewer wrote into the header itself', () => {
    const event = withCloudFrontViewer(throughCloudFront('198.51.100.23', { [VIEWER_ADDRESS_HEADER]: '10.0.0.1' }), TOKEN);

    expect(event.requestContext.http.sourceIp).toBe('198.51.100.23');
  });

  it("keeps API Gateway's address for a caller who reaches the API's own endpoint with both headers made up", () => {
    const direct = gatewayEvent({ [VIEWER_ADDRESS_HEADER]: '10.0.0.1', [ORIGIN_VERIFY_HEADER]: 'guessed' }, '203.0.113.9');

    expect(withCloudFrontViewer(direct, TOKEN).requestContext.http.sourceIp).toBe('203.0.113.9');
  });
});
