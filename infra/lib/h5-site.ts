import { join } from 'node:path';
import { Annotations, Aws, CfnOutput, Duration, Fn, Validations } from 'aws-cdk-lib';
import {
  AccessLevel,
  AllowedMethods,
  CachePolicy,
  Distribution,
  Function as CloudFrontFunction,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestPolicy,
  ViewerProtocolPolicy,
  type BehaviorOptions,
  type ICachePolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { Function as LambdaFunction } from 'aws-cdk-lib/aws-lambda';
import { BlockPublicAccess, Bucket, BucketEncryption, ObjectOwnership } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ORIGIN_VERIFY_HEADER } from '../../functions/src/api/cloudfront-viewer.js';
import { createInlineScriptHashes } from '../../functions/src/local/inline-script-hashes.js';
import { HASHED_ASSET_DIRS, H5Deployment } from './h5-deployment.js';
import { createH5SecurityHeadersPolicy } from './h5-security-headers.js';
import type { HttpApi } from './http-api.js';
import { REPO_PATHS } from './repo-paths.js';

export interface H5SiteProps {
  /** The H5 build to serve (miniapp/dist/h5 unless a test says otherwise). */
  readonly h5Dir: string;
  /** Served under the same domain at /api/*, so the H5 pages call it without CORS. */
  readonly httpApi: HttpApi;
}

/**
 * The H5 build of the mini-program on the web, for the public report page and anyone outside WeChat: a private
 * bucket that only this distribution reads (origin access control), the local server's security headers on every
 * file, index.html for the app's page paths, and the HTTP API under the same domain.
 */
export class H5Site extends Construct {
  readonly bucket: Bucket;
  readonly distribution: Distribution;
  readonly deployment: H5Deployment;
  /** Random per stack (the UUID in the stack's id): never in the repository or the template. */
  private readonly originVerifyToken = Fn.select(2, Fn.split('/', Aws.STACK_ID));

  constructor(scope: Construct, id: string, props: H5SiteProps) {
    super(scope, id);

    this.bucket = new Bucket(this, 'Bucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      objectOwnership: ObjectOwnership.BUCKET_OWNER_ENFORCED,
      encryption: BucketEncryption.S3_MANAGED,
      enforceSSL: true,
      // A build output, made again from the repository at any commit: rolling back is deploying that commit.
      versioned: false,
    });
    Validations.of(this.bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'Only this distribution reads the bucket (origin access control) and only the deployment writes it: its ' +
        "access log would repeat CloudFront's requests with CloudFront as the caller, and CloudTrail records the writes.",
    });

    const files = S3BucketOrigin.withOriginAccessControl(this.bucket, {
      // ListBucket makes S3 answer 404, not 403, for a file that is not there, as the local server does.
      originAccessLevels: [AccessLevel.READ, AccessLevel.LIST],
    });
    // The hashes of the index.html the deployment below copies, read from the same directory at the same synth.
    const inlineScriptHashes = createInlineScriptHashes(join(props.h5Dir, 'index.html'))();
    const securityHeaders = createH5SecurityHeadersPolicy(this, 'SecurityHeaders', inlineScriptHashes);
    const pageRewrite = new CloudFrontFunction(this, 'PageRewrite', {
      comment: 'Shouhu H5: page paths get index.html, file paths go to the bucket as they are',
      runtime: FunctionRuntime.JS_2_0,
      code: FunctionCode.fromFile({ filePath: REPO_PATHS.h5PageRewriteFunction }),
    });

    const hashedAssets: BehaviorOptions = {
      origin: files,
      viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
      cachePolicy: this.createHashedAssetsCachePolicy(),
      responseHeadersPolicy: securityHeaders,
    };

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Shouhu H5 site and API',
      httpVersion: HttpVersion.HTTP2_AND_3,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: files,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: this.createRevalidatedFilesCachePolicy(),
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [{ function: pageRewrite, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        ...Object.fromEntries(HASHED_ASSET_DIRS.map((dir) => [`/${dir}/*`, hashedAssets])),
        '/api/*': this.createApiBehavior(props.httpApi),
      },
    });
    this.acknowledgeDistributionFindings();

    this.deployment = new H5Deployment(this, 'Deployment', {
      h5Dir: props.h5Dir,
      bucket: this.bucket,
      distribution: this.distribution,
    });

    new CfnOutput(this, 'DomainName', {
      value: this.distribution.distributionDomainName,
      description: 'The H5 site and, under /api, the HTTP API (HTTPS)',
    });
  }

  /**
   * Gives the API function the token CloudFront sends, so that it takes the viewer's address from requests that
   * came through the distribution (functions/src/api/cloudfront-viewer.ts) and API Gateway's from the others.
   */
  passViewerAddressTo(apiFunction: LambdaFunction): void {
    apiFunction.addEnvironment('SHOUHU_ORIGIN_VERIFY_TOKEN', this.originVerifyToken);
  }

  /**
   * Every method, nothing cached, and no response headers policy, so the API's own headers (`Cache-Control:
   * no-store`, problem+json) reach the client as sent. The viewer's headers, cookies and query go to the API, Host
   * excepted (API Gateway answers only to its own name): Authorization among them, which an origin request policy
   * may forward only where nothing is cached, and Idempotency-Key, If-Match and Content-Type. A function tells the
   * API the viewer's address.
   */
  private createApiBehavior(httpApi: HttpApi): BehaviorOptions {
    // apiEndpoint is `https://{id}.execute-api.{region}.{suffix}`: the origin wants the host alone.
    const apiDomain = Fn.select(2, Fn.split('/', httpApi.api.apiEndpoint));
    return {
      origin: new HttpOrigin(apiDomain, {
        protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
        // CloudFront replaces a header of this name sent by the viewer, so only CloudFront can send the token.
        customHeaders: { [ORIGIN_VERIFY_HEADER]: this.originVerifyToken },
      }),
      // No redirect: a request that came over plain HTTP has already sent its Authorization header or its form in clear
      // text; refusing it shows the mistake instead of hiding it.
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: CachePolicy.CACHING_DISABLED,
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      functionAssociations: [
        {
          function: new CloudFrontFunction(this, 'ApiViewerAddress', {
            comment: 'Shouhu API: tells the API the viewer address',
            runtime: FunctionRuntime.JS_2_0,
            code: FunctionCode.fromFile({ filePath: REPO_PATHS.apiViewerAddressFunction }),
          }),
          eventType: FunctionEventType.VIEWER_REQUEST,
        },
      ],
    };
  }

  /** Content-hashed files: a changed file gets a new name, so the edges keep one as long as browsers may. */
  private createHashedAssetsCachePolicy(): ICachePolicy {
    return new CachePolicy(this, 'HashedAssetsCache', {
      comment: 'Shouhu H5: content-hashed scripts and styles, kept for a year',
      // The objects say how long (immutable, a year); a minimum of 0 lets a stray unhashed file say no-cache.
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.days(365),
      maxTtl: Duration.days(365),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
  }

  /**
   * index.html and the files without a hash: the edges follow the objects' `Cache-Control: no-cache` (a minimum TTL
   * of 0 lets them), so a deploy shows at once; the maximum above 0 only permits compression.
   */
  private createRevalidatedFilesCachePolicy(): ICachePolicy {
    return new CachePolicy(this, 'RevalidatedFilesCache', {
      comment: 'Shouhu H5: index.html and unhashed files, revalidated on every request',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(0),
      maxTtl: Duration.days(1),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
  }

  private acknowledgeDistributionFindings(): void {
    const acknowledgments: Record<string, string> = {
      'AwsSolutions-CFR1':
        'No geo restriction: anyone, wherever they are, must be able to report a child in danger (R17), a parent ' +
        'working abroad included.',
      'AwsSolutions-CFR2':
        'No WAF web ACL yet: one for CloudFront must live in us-east-1 (a second stack) and costs per rule; the API ' +
        'limits its public routes per client and API Gateway throttles the stage. Add one when traffic warrants it.',
      'AwsSolutions-CFR3':
        "No CloudFront access log: it would record every visitor's IP address and user agent, personal data the " +
        'product has no purpose for (PIPL Art. 6). API Gateway logs API requests without addresses; the ' +
        "distribution's CloudWatch metrics show errors and traffic.",
      'AwsSolutions-CFR4':
        "The distribution answers on its *.cloudfront.net name, whose default certificate CloudFront offers down to " +
        'TLSv1 whatever the setting (current browsers negotiate TLS 1.2 or 1.3). Setting a minimum needs a custom ' +
        'domain with its ACM certificate in us-east-1; with one, set TLSv1.2_2021 (infra/README.md).',
    };
    for (const [id, reason] of Object.entries(acknowledgments)) Validations.of(this.distribution).acknowledge({ id, reason });

    Annotations.of(this.distribution).acknowledgeWarning(
      '@aws-cdk/aws-cloudfront-origins:listBucketSecurityRisk',
      'The default root object is index.html and the page rewrite sends every path that names no file to ' +
        "/index.html: no request reaches the bucket's root, so CloudFront never serves a listing.",
    );
  }
}
