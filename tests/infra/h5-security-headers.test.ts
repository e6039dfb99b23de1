import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticSite } from '../../functions/src/local/static-site.js';
import { buildContentSecurityPolicy } from '../../infra/lib/h5-security-headers.js';
import {
  overridesEverything,
  parseContentSecurityPolicy,
  renderResponseHeaders,
  type ResponseHeadersPolicyConfig,
} from './support/cloudfront-response-headers.js';
import { createH5BuildFixture, type H5BuildFixture } from './support/h5-build-fixture.js';
import { synthesizeShouhu, type SynthesizedShouhu } from './support/synthesize-shouhu.js';

/** What a response says about its body rather than about how the browser must treat the page. */
const ABOUT_THE_BODY = ['content-type', 'content-length', 'cache-control', 'last-modified', 'etag', 'accept-ranges', 'date', 'vary'];

/** The local server's security headers on a response, the Content-Security-Policy parsed. */
function securityHeadersOf(headers: Record<string, string>): Record<string, unknown> {
  const kept = Object.entries(headers).filter(([name]) => !ABOUT_THE_BODY.includes(name.toLowerCase()));
  return Object.fromEntries(
    kept.map(([name, value]) => {
      const key = name.toLowerCase();
      return [key, key === 'content-security-policy' ? parseContentSecurityPolicy(value) : value];
    }),
  );
}

async function localHeaders(h5Dir: string, path: string): Promise<Record<string, unknown>> {
  const response = await createStaticSite(h5Dir).request(path);
  return securityHeadersOf(Object.fromEntries(response.headers));
}

/**
 * CloudFront's headers against what functions/src/local/static-site.ts sends for the same build: the
 * Content-Security-Policy comes from one definition (h5-content-security-policy.ts) and the build's own inline
 * script hashes, the other headers are Hono's defaults, which a Hono upgrade could change under the local server.
 */
describe('the H5 security headers CloudFront sends', () => {
  let build: H5BuildFixture;
  let synthesized: SynthesizedShouhu;
  let policy: ResponseHeadersPolicyConfig;

  beforeAll(() => {
    build = createH5BuildFixture();
    synthesized = synthesizeShouhu({ cloudFormationValidation: false, h5Dir: build.dir });
    const resources = synthesized.template.toJSON().Resources as Record<string, { Type: string; Properties: any }>;
    const [distribution] = Object.values(resources).filter((r) => r.Type === 'AWS::CloudFront::Distribution');
    const policyId = distribution.Properties.DistributionConfig.DefaultCacheBehavior.ResponseHeadersPolicyId.Ref;
    policy = resources[policyId].Properties.ResponseHeadersPolicyConfig;
  });
  afterAll(() => {
    synthesized?.cleanUp();
    build?.cleanUp();
  });

  it.each(['/', '/js/app.0c9d8e7f.js'])('are the ones the local server sends with %s, value for value', async (path) => {
    const cloud = securityHeadersOf(renderResponseHeaders(policy));

    expect(cloud).toEqual(await localHeaders(build.dir, path));
  });

  it("allow exactly the built index.html's inline script, and no other inline script", () => {
    const inlineScript = /<script>([\s\S]*?)<\/script>/.exec(build.indexHtml)![1];
    const hash = `'sha256-${createHash('sha256').update(inlineScript, 'utf8').digest('base64')}'`;
    const csp = parseContentSecurityPolicy(renderResponseHeaders(policy)['content-security-policy']);

    expect(csp['script-src']).toEqual(["'self'", hash]);
    expect(csp['frame-ancestors']).toEqual(["'none'"]);
  });

  it('replace whatever the bucket might send under the same names', () => {
    expect(overridesEverything(policy)).toBe(true);
  });

  describe('without a build', () => {
    let empty: string;
    beforeAll(() => {
      empty = mkdtempSync(join(tmpdir(), 'shouhu-no-h5-'));
    });
    afterAll(() => rmSync(empty, { recursive: true, force: true }));

    it("allow no inline script, as the local server's policy without a build", async () => {
      const cloud = parseContentSecurityPolicy(buildContentSecurityPolicy([]));

      expect(cloud).toEqual((await localHeaders(empty, '/'))['content-security-policy']);
      expect(cloud['script-src']).toEqual(["'self'"]);
    });
  });
});
