import { Duration } from 'aws-cdk-lib';
import { HeadersFrameOption, HeadersReferrerPolicy, ResponseHeadersPolicy } from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';
import { h5ContentSecurityDirectives, renderContentSecurityPolicy } from '../../functions/src/local/h5-content-security-policy.js';

/**
 * Hono's secureHeaders defaults, which the local server keeps (functions/src/local/static-site.ts) and CloudFront has
 * no dedicated setting for. Hono holds them, not the project: tests/infra/h5-security-headers.test.ts compares every
 * header CloudFront sends with what the local server sends for the same build, so a Hono upgrade that changes one
 * fails there.
 */
const OTHER_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Origin-Agent-Cluster': '?1',
  'X-DNS-Prefetch-Control': 'off',
  'X-Download-Options': 'noopen',
  'X-Permitted-Cross-Domain-Policies': 'none',
};

/** Hono's default: 180 days, subdomains included, no preload (a preload list entry is hard to take back). */
const HSTS_MAX_AGE = Duration.days(180);

/** CloudFront's limit on a Content-Security-Policy value in a response headers policy. */
const MAX_CONTENT_SECURITY_POLICY_LENGTH = 1783;

/**
 * The H5 pages' Content-Security-Policy, allowing exactly the given inline scripts (`'sha256-…'` sources): the local
 * server's own definition, rendered as a header value.
 */
export function buildContentSecurityPolicy(inlineScriptHashes: readonly string[]): string {
  const policy = renderContentSecurityPolicy(h5ContentSecurityDirectives(inlineScriptHashes));
  if (policy.length > MAX_CONTENT_SECURITY_POLICY_LENGTH) {
    throw new Error(`The H5 Content-Security-Policy is ${policy.length} characters, over CloudFront's ${MAX_CONTENT_SECURITY_POLICY_LENGTH}`);
  }
  return policy;
}

/**
 * A response headers policy with the local server's security headers, overriding whatever the origin sends. Not for
 * the API's behavior: the API sets its own headers (`Cache-Control: no-store` among them) and they pass through.
 */
export function createH5SecurityHeadersPolicy(scope: Construct, id: string, inlineScriptHashes: readonly string[]): ResponseHeadersPolicy {
  return new ResponseHeadersPolicy(scope, id, {
    comment: 'Shouhu H5: the security headers the local server sends',
    securityHeadersBehavior: {
      contentSecurityPolicy: { contentSecurityPolicy: buildContentSecurityPolicy(inlineScriptHashes), override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: { referrerPolicy: HeadersReferrerPolicy.NO_REFERRER, override: true },
      strictTransportSecurity: { accessControlMaxAge: HSTS_MAX_AGE, includeSubdomains: true, preload: false, override: true },
      // "0": the legacy XSS auditor is off, as OWASP and Hono advise; the CSP does that job.
      xssProtection: { protection: false, override: true },
    },
    customHeadersBehavior: {
      customHeaders: Object.entries(OTHER_SECURITY_HEADERS).map(([header, value]) => ({ header, value, override: true })),
    },
  });
}
