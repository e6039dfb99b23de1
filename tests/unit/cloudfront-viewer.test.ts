import { describe, expect, it } from 'vitest';
import { ORIGIN_VERIFY_HEADER, VIEWER_ADDRESS_HEADER, withCloudFrontViewer } from '../../functions/src/api/cloudfront-viewer.js';

const TOKEN = 'stack-token-5f0c8a90';
const GATEWAY_ADDRESS = '130.176.100.154';

function event(headers: Record<string, string>) {
  return { headers, requestContext: { http: { method: 'GET', sourceIp: GATEWAY_ADDRESS } } };
}

describe('the caller behind CloudFront (withCloudFrontViewer)', () => {
  it("takes the viewer's address on a request with the token, and drops the token", () => {
    const result = withCloudFrontViewer(event({ [ORIGIN_VERIFY_HEADER]: TOKEN, [VIEWER_ADDRESS_HEADER]: '198.51.100.23', accept: '*/*' }), TOKEN);

    expect(result.requestContext.http).toEqual({ method: 'GET', sourceIp: '198.51.100.23' });
    expect(result.headers).toEqual({ [VIEWER_ADDRESS_HEADER]: '198.51.100.23', accept: '*/*' });
  });

  it.each([
    ['a wrong token', { [ORIGIN_VERIFY_HEADER]: 'stack-token-5f0c8a91', [VIEWER_ADDRESS_HEADER]: '198.51.100.23' }, TOKEN],
    ['a token of another length', { [ORIGIN_VERIFY_HEADER]: TOKEN.slice(1), [VIEWER_ADDRESS_HEADER]: '198.51.100.23' }, TOKEN],
    ['no token configured, even an empty one presented', { [ORIGIN_VERIFY_HEADER]: '', [VIEWER_ADDRESS_HEADER]: '198.51.100.23' }, ''],
    ['no viewer address', { [ORIGIN_VERIFY_HEADER]: TOKEN }, TOKEN],
    ['a viewer address that is not one', { [ORIGIN_VERIFY_HEADER]: TOKEN, [VIEWER_ADDRESS_HEADER]: '198.51.100.23:4711' }, TOKEN],
  ])("keeps API Gateway's address with %s, and drops the token", (_case, headers, configured) => {
    const result = withCloudFrontViewer(event(headers), configured);

    expect(result.requestContext.http.sourceIp).toBe(GATEWAY_ADDRESS);
    expect(result.headers[ORIGIN_VERIFY_HEADER]).toBeUndefined();
  });

  it('leaves a request without the token as API Gateway made it', () => {
    const direct = event({ [VIEWER_ADDRESS_HEADER]: '10.0.0.1' });

    expect(withCloudFrontViewer(direct, TOKEN)).toBe(direct);
  });
});
