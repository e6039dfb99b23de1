import { readFileSync } from 'node:fs';
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORIGIN_VERIFY_HEADER } from '../../functions/src/api/cloudfront-viewer.js';
import { REPO_PATHS } from '../../infra/lib/repo-paths.js';
import { findApiFunction } from './support/api-function-resource.js';
import { createH5BuildFixture, type H5BuildFixture } from './support/h5-build-fixture.js';
import { synthesizeShouhu, type SynthesizedShouhu } from './support/synthesize-shouhu.js';

type Resources = Record<string, { Type: string; Properties: Record<string, any> }>;
type Behavior = Record<string, any>;

const getAtt = (id: string, attribute: string) => ({ 'Fn::GetAtt': [id, attribute] });
const ONE_YEAR_SECONDS = 365 * 24 * 3_600;

/** Part 7 of issue 8: the H5 build on the web, private in S3 behind CloudFront, with the API under the same domain. */
describe('the H5 site in the synthesized stack', () => {
  let build: H5BuildFixture;
  let synthesized: SynthesizedShouhu;
  let resources: Resources;
  let bucketId: string;
  let distributionId: string;
  let config: Record<string, any>;
  let filesOriginId: string;
  let apiOriginId: string;

  const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);
  const behaviorFor = (pattern: string): Behavior => config.CacheBehaviors.find((b: Behavior) => b.PathPattern === pattern);
  const originNamed = (id: string) => config.Origins.find((o: { Id: string }) => o.Id === id);
  /** The CloudFront Function whose code is the given file (the tests beside this one run that file). */
  const functionWithCode = (file: string) => {
    const found = ofType('AWS::CloudFront::Function').filter(([, fn]) => fn.Properties.FunctionCode === readFileSync(file, 'utf8'));
    expect(found).toHaveLength(1);
    return { id: found[0][0], properties: found[0][1].Properties };
  };

  beforeAll(() => {
    build = createH5BuildFixture();
    synthesized = synthesizeShouhu({ cloudFormationValidation: false, h5Dir: build.dir });
    resources = synthesized.template.toJSON().Resources as Resources;
    [[bucketId]] = ofType('AWS::S3::Bucket');
    [[distributionId]] = ofType('AWS::CloudFront::Distribution');
    config = resources[distributionId].Properties.DistributionConfig;
    filesOriginId = config.Origins.find((o: { S3OriginConfig?: unknown }) => o.S3OriginConfig).Id;
    apiOriginId = config.Origins.find((o: { CustomOriginConfig?: unknown }) => o.CustomOriginConfig).Id;
  });
  afterAll(() => {
    synthesized?.cleanUp();
    build?.cleanUp();
  });

  describe('the bucket', () => {
    it('is private, encrypted by S3, without ACLs and without a website endpoint', () => {
      synthesized.template.resourceCountIs('AWS::S3::Bucket', 1);
      expect(resources[bucketId].Properties).toMatchObject({
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      });
      expect(resources[bucketId].Properties.WebsiteConfiguration).toBeUndefined();
    });

    it('lets only this distribution read it (get and list, for 404s), and refuses requests without TLS', () => {
      const [[, bucketPolicy]] = ofType('AWS::S3::BucketPolicy');
      const statements: Record<string, any>[] = bucketPolicy.Properties.PolicyDocument.Statement;
      const thisDistribution = {
        'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cloudfront::', { Ref: 'AWS::AccountId' }, ':distribution/', { Ref: distributionId }]],
      };

      expect(bucketPolicy.Properties.Bucket).toEqual({ Ref: bucketId });
      expect(statements.filter((s) => s.Effect === 'Allow')).toEqual([
        expect.objectContaining({
          Action: ['s3:GetObject', 's3:ListBucket'],
          Principal: { Service: 'cloudfront.amazonaws.com' },
          Condition: { StringEquals: { 'AWS:SourceArn': thisDistribution } },
        }),
      ]);
      expect(statements).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Principal: { AWS: '*' }, Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    });

    it('is reached through origin access control, signed with SigV4, not an origin access identity', () => {
      const [[oacId, oac]] = ofType('AWS::CloudFront::OriginAccessControl');

      expect(oac.Properties.OriginAccessControlConfig).toMatchObject({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
        SigningProtocol: 'sigv4',
      });
      expect(originNamed(filesOriginId)).toMatchObject({
        DomainName: getAtt(bucketId, 'RegionalDomainName'),
        OriginAccessControlId: getAtt(oacId, 'Id'),
        S3OriginConfig: { OriginAccessIdentity: '' },
      });
      synthesized.template.resourceCountIs('AWS::CloudFront::CloudFrontOriginAccessIdentity', 0);
    });
  });

  describe('the distribution', () => {
    it('serves index.html at the root over HTTP/2 and HTTP/3, and maps no error to a page', () => {
      expect(config).toMatchObject({ Enabled: true, DefaultRootObject: 'index.html', HttpVersion: 'http2and3' });
      expect(config.CustomErrorResponses).toBeUndefined();
    });

    it('sends every other path to the bucket through the page rewrite, with the security headers, HTTPS only', () => {
      // h5-page-rewrite.test.ts runs this file's code.
      const rewrite = functionWithCode(REPO_PATHS.h5PageRewriteFunction);

      expect(config.DefaultCacheBehavior).toMatchObject({
        TargetOriginId: filesOriginId,
        ViewerProtocolPolicy: 'redirect-to-https',
        ResponseHeadersPolicyId: { Ref: expect.any(String) },
        FunctionAssociations: [{ EventType: 'viewer-request', FunctionARN: getAtt(rewrite.id, 'FunctionARN') }],
      });
      expect(rewrite.properties.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    });

    it('lets the edges keep index.html and unhashed files only as the objects allow (no-cache)', () => {
      const policy = resources[config.DefaultCacheBehavior.CachePolicyId.Ref].Properties.CachePolicyConfig;

      expect(policy).toMatchObject({ MinTTL: 0, DefaultTTL: 0 });
    });

    it.each(['/js/*', '/css/*'])('keeps the content-hashed files under %s a year, with the same headers and no page rewrite', (pattern) => {
      const behavior = behaviorFor(pattern);
      const policy = resources[behavior.CachePolicyId.Ref].Properties.CachePolicyConfig;

      expect(behavior).toMatchObject({
        TargetOriginId: filesOriginId,
        ViewerProtocolPolicy: 'redirect-to-https',
        ResponseHeadersPolicyId: config.DefaultCacheBehavior.ResponseHeadersPolicyId,
      });
      expect(behavior.FunctionAssociations).toBeUndefined();
      expect(policy.DefaultTTL).toBeGreaterThanOrEqual(ONE_YEAR_SECONDS);
      expect(policy.ParametersInCacheKeyAndForwardedToOrigin).toMatchObject({
        CookiesConfig: { CookieBehavior: 'none' },
        QueryStringsConfig: { QueryStringBehavior: 'none' },
      });
    });

    it('has no other path behavior: static/ holds unhashed files and stays with the default', () => {
      expect(config.CacheBehaviors.map((b: Behavior) => b.PathPattern).sort()).toEqual(['/api/*', '/css/*', '/js/*']);
    });

    it('gives its domain name as an output', () => {
      const outputs = Object.values(synthesized.template.toJSON().Outputs as Record<string, { Value: unknown }>);

      expect(outputs.map((o) => o.Value)).toContainEqual(getAtt(distributionId, 'DomainName'));
    });
  });

  describe('the API under /api/*', () => {
    it("goes to the HTTP API's own host over HTTPS", () => {
      const [[apiId]] = ofType('AWS::ApiGatewayV2::Api');

      expect(behaviorFor('/api/*').TargetOriginId).toBe(apiOriginId);
      expect(originNamed(apiOriginId)).toMatchObject({
        DomainName: { 'Fn::Select': [2, { 'Fn::Split': ['/', getAtt(apiId, 'ApiEndpoint')] }] },
        CustomOriginConfig: { OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] },
      });
    });

    it("passes every method and the viewer's headers, cookies and query through, and caches nothing", () => {
      const behavior = behaviorFor('/api/*');

      expect(behavior).toMatchObject({
        ViewerProtocolPolicy: 'https-only',
        // With caching disabled an origin request policy may forward Authorization: the managed policy below then
        // forwards every viewer header but Host (Authorization, Idempotency-Key, If-Match, Content-Type, …).
        CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
        OriginRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
      });
      expect([...behavior.AllowedMethods].sort()).toEqual(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);
    });

    it("leaves the API's own headers alone: no response headers policy over its Cache-Control: no-store", () => {
      expect(behaviorFor('/api/*').ResponseHeadersPolicyId).toBeUndefined();
    });

    it("tells the API the viewer's address, and gives the API function the token that proves a request came this way", () => {
      // h5-api-viewer-address.test.ts runs this file's code against the API's reading of it.
      const viewerAddress = functionWithCode(REPO_PATHS.apiViewerAddressFunction);
      const variables = findApiFunction(synthesized.template).properties.Environment.Variables;
      const originHeaders = originNamed(apiOriginId).OriginCustomHeaders;

      expect(behaviorFor('/api/*').FunctionAssociations).toEqual([
        { EventType: 'viewer-request', FunctionARN: getAtt(viewerAddress.id, 'FunctionARN') },
      ]);
      expect(viewerAddress.properties.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
      expect(originHeaders).toEqual([{ HeaderName: ORIGIN_VERIFY_HEADER, HeaderValue: variables.SHOUHU_ORIGIN_VERIFY_TOKEN }]);
      // Resolved at deploy time from the stack's own id: no literal value in the template or the repository.
      expect(variables.SHOUHU_ORIGIN_VERIFY_TOKEN).toEqual({ 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: 'AWS::StackId' }] }] });
    });
  });
});
