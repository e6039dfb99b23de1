import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Annotations, Stack, Validations, type CfnElement } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, CacheControl, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct, type IConstruct } from 'constructs';
// The values the local server sends, kept on the objects in S3 for CloudFront and browsers to follow.
import { IMMUTABLE_CACHE, REVALIDATE_CACHE } from '../../functions/src/local/static-site.js';

/**
 * Where the H5 build puts content-hashed files (miniapp/config/index.ts: `js/[name].[contenthash:8].js`,
 * `css/[name].[contenthash:8].css`). `static/` is not among them: Taro names images and fonts there after their
 * source path, without a hash, so a changed image keeps its name.
 */
export const HASHED_ASSET_DIRS = ['js', 'css'] as const;

/**
 * The hashed files themselves (`aws s3 sync` patterns, where `*` spans folders too): webpack also writes
 * `<chunk>.js.LICENSE.txt` beside the scripts, which the local server does not count as hashed either.
 */
const HASHED_ASSET_PATTERNS = ['js/*.js', 'css/*.css'];

export interface H5DeploymentProps {
  /** The H5 build (`npm run build:h5` writes miniapp/dist/h5); a directory without index.html counts as no build. */
  readonly h5Dir: string;
  readonly bucket: IBucket;
  readonly distribution: IDistribution;
}

/** True when `h5Dir` holds a build to deploy. */
export function hasH5Build(h5Dir: string): boolean {
  return existsSync(join(h5Dir, 'index.html'));
}

/**
 * Copies the H5 build into the site's bucket, each file with the Cache-Control the local server would send it, in
 * two steps: the content-hashed scripts and styles first, then index.html and the rest, so a new index.html never
 * names a script that is not there yet. Hashed files of earlier builds stay (an open page still loads its lazy
 * chunks after a deploy); everything else is pruned, and index.html is invalidated at the edges.
 *
 * Without a build it deploys nothing and warns: the stack still synthesizes on a fresh clone.
 */
export class H5Deployment extends Construct {
  readonly deployments: readonly BucketDeployment[];

  constructor(scope: Construct, id: string, props: H5DeploymentProps) {
    super(scope, id);

    if (!hasH5Build(props.h5Dir)) {
      Annotations.of(this).addWarningV2(
        'shouhu:h5Build',
        `No H5 build in ${props.h5Dir}: the site's bucket stays empty and its Content-Security-Policy allows no ` +
          'inline script. Run `npm run build:h5` before deploying.',
      );
      this.deployments = [];
      return;
    }

    // One asset for both steps; each step syncs its part of it.
    const source = Source.asset(props.h5Dir);
    // Both steps run in CDK's one copying function: given a role and a log group of ours, it gets no AWS-managed
    // policy (whose log rights span the account) and keeps its logs three months, not forever.
    const handler = this.createHandlerRoleAndLogs();

    const hashedAssets = new BucketDeployment(this, 'HashedAssets', {
      ...handler,
      sources: [source],
      destinationBucket: props.bucket,
      exclude: ['*'],
      include: HASHED_ASSET_PATTERNS,
      prune: false,
      cacheControl: [CacheControl.fromString(IMMUTABLE_CACHE)],
    });

    const pages = new BucketDeployment(this, 'Pages', {
      ...handler,
      sources: [source],
      destinationBucket: props.bucket,
      // Excluded files are neither copied nor pruned by this step: the hashed assets above stay.
      exclude: HASHED_ASSET_PATTERNS,
      prune: true,
      cacheControl: [CacheControl.fromString(REVALIDATE_CACHE)],
      distribution: props.distribution,
      distributionPaths: ['/index.html'],
    });
    pages.node.addDependency(hashedAssets);

    this.deployments = [hashedAssets, pages];
    this.acknowledgeHandlerFindings(handler.role, props.bucket);
  }

  private createHandlerRoleAndLogs(): { role: Role; logGroup: LogGroup } {
    const role = new Role(this, 'HandlerRole', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: 'Shouhu H5 deployment (CDK BucketDeployment): copies the build into the site bucket at deploy time',
    });
    const logGroup = new LogGroup(this, 'HandlerLogs', { retention: RetentionDays.THREE_MONTHS });
    logGroup.grantWrite(role);
    return { role, logGroup };
  }

  /** The grants and runtime of CDK's copying function are CDK's: what each finding covers, and why it is left. */
  private acknowledgeHandlerFindings(role: Role, bucket: IBucket): void {
    const bucketId = Stack.of(this).getLogicalId(bucket.node.defaultChild as CfnElement);
    const bucketObjects = `AwsSolutions-IAM5[Resource::<${bucketId}.Arn>/*]`;
    const wildcards: Record<string, string> = {
      'AwsSolutions-IAM5[Action::s3:GetObject*]': 'reads the build from the CDK asset bucket',
      'AwsSolutions-IAM5[Action::s3:GetBucket*]': 'reads the buckets it copies between',
      'AwsSolutions-IAM5[Action::s3:List*]': 'lists both buckets to sync them',
      'AwsSolutions-IAM5[Action::s3:DeleteObject*]': 'prunes files the new build no longer has',
      'AwsSolutions-IAM5[Action::s3:Abort*]': 'abandons a failed multipart upload',
      'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]':
        "reads this deployment's asset among the bootstrap bucket's objects",
      [bucketObjects]: "writes and prunes the site bucket's objects",
      'AwsSolutions-IAM5[Resource::*]': 'invalidates /index.html at the edges (CDK grants CloudFront invalidations on *)',
    };
    for (const [id, what] of Object.entries(wildcards)) {
      Validations.of(role).acknowledge({
        id,
        reason: `Granted by CDK's BucketDeployment to its copying function, which CloudFormation runs only at deploy time: it ${what}.`,
      });
    }
    Validations.of(this.copyingFunction()).acknowledge({
      id: 'AwsSolutions-L1',
      reason: "CDK's BucketDeployment function: aws-cdk-lib chooses its runtime and moves it forward with each release.",
    });
  }

  /** CDK makes the copying function once per stack, at the stack's top level, named after its purpose. */
  private copyingFunction(): IConstruct {
    const found = Stack.of(this).node.children.find((child) => child.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (!found) throw new Error("CDK's BucketDeployment function was not found in the stack");
    return found;
  }
}
