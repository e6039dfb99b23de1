import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticSite } from '../../functions/src/local/static-site.js';
import { parseContentSecurityPolicy } from './support/cloudfront-response-headers.js';
import { createH5BuildFixture, type H5BuildFixture } from './support/h5-build-fixture.js';
import { synthesizeShouhu, type SynthesizedShouhu } from './support/synthesize-shouhu.js';

type Resource = { Type: string; Properties: Record<string, any>; DependsOn?: string[] };

const DEPLOYMENT = 'Custom::CDKBucketDeployment';

function resourcesOf(synthesized: SynthesizedShouhu): [string, Resource][] {
  return Object.entries(synthesized.template.toJSON().Resources as Record<string, Resource>);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));
}

/** `aws s3 sync` filters as the deployment applies them: the last matching pattern decides, everything is included at first. */
function isSynced(path: string, deployment: Resource): boolean {
  const filters = [
    ...(deployment.Properties.Exclude ?? []).map((pattern: string) => ({ pattern, include: false })),
    ...(deployment.Properties.Include ?? []).map((pattern: string) => ({ pattern, include: true })),
  ];
  const matches = (pattern: string) => new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.?+^$()[\]{}|\\]/g, '\\$&')).join('.*')}$`).test(path);
  return filters.reduce((included, filter) => (matches(filter.pattern) ? filter.include : included), true);
}

describe('deploying the H5 build', () => {
  describe('when a build exists at synth', () => {
    let build: H5BuildFixture;
    let synthesized: SynthesizedShouhu;
    let deployments: [string, Resource][];
    let distributionId: string;
    let bucketId: string;

    beforeAll(() => {
      build = createH5BuildFixture();
      synthesized = synthesizeShouhu({ cloudFormationValidation: false, h5Dir: build.dir });
      const resources = resourcesOf(synthesized);
      deployments = resources.filter(([, r]) => r.Type === DEPLOYMENT);
      [[distributionId]] = resources.filter(([, r]) => r.Type === 'AWS::CloudFront::Distribution');
      [[bucketId]] = resources.filter(([, r]) => r.Type === 'AWS::S3::Bucket');
    });
    afterAll(() => {
      synthesized?.cleanUp();
      build?.cleanUp();
    });

    it('copies the build, as it is, into the site bucket', () => {
      expect(deployments.length).toBeGreaterThan(0);
      const keys = new Set(deployments.map(([, d]) => JSON.stringify(d.Properties.SourceObjectKeys)));
      expect(keys.size).toBe(1);
      const [assetKey] = deployments[0][1].Properties.SourceObjectKeys as string[];
      const assetDir = join(synthesized.assembly.directory, `asset.${assetKey.replace(/\.zip$/, '')}`);

      expect(filesUnder(assetDir).sort()).toEqual(Object.keys(build.files).sort());
      for (const [, deployment] of deployments) expect(deployment.Properties.DestinationBucketName).toEqual({ Ref: bucketId });
    });

    it('puts every file in the bucket once, with the Cache-Control the local server sends for it', async () => {
      const site = createStaticSite(build.dir);
      for (const path of Object.keys(build.files)) {
        const copiedBy = deployments.filter(([, d]) => isSynced(path, d));
        const local = await site.request(`/${path}`);

        expect(copiedBy, path).toHaveLength(1);
        expect(local.status, path).toBe(200);
        expect(copiedBy[0][1].Properties.SystemMetadata['cache-control'], path).toBe(local.headers.get('cache-control'));
      }
    });

    it('prunes files the build no longer has, except hashed ones an open page may still load, and copies those first', () => {
      const [[hashedId, hashed]] = deployments.filter(([, d]) => d.Properties.Prune === false);
      const [[, pages]] = deployments.filter(([, d]) => d.Properties.Prune === true);

      expect(isSynced('js/app.0c9d8e7f.js', hashed) && isSynced('css/app.5e1f2a3b.css', hashed)).toBe(true);
      expect(isSynced('index.html', pages)).toBe(true);
      expect(pages.DependsOn).toContain(hashedId);
    });

    it('invalidates index.html at the edges once the new one is in', () => {
      const invalidating = deployments.filter(([, d]) => d.Properties.DistributionId);

      expect(invalidating).toHaveLength(1);
      expect(invalidating[0][1].Properties).toMatchObject({
        DistributionId: { Ref: distributionId },
        DistributionPaths: ['/index.html'],
        Prune: true,
      });
      expect(isSynced('index.html', invalidating[0][1])).toBe(true);
    });

    it('warns about nothing missing', () => {
      expect(Annotations.fromStack(synthesized.stack).findWarning('*', Match.stringLikeRegexp('npm run build:h5'))).toEqual([]);
    });
  });

  describe('when there is no build at synth (a fresh clone)', () => {
    let synthesized: SynthesizedShouhu;

    beforeAll(() => {
      synthesized = synthesizeShouhu({ cloudFormationValidation: false });
    });
    afterAll(() => synthesized?.cleanUp());

    it('deploys nothing, and says why and what to run', () => {
      synthesized.template.resourceCountIs(DEPLOYMENT, 0);
      const warnings = Annotations.fromStack(synthesized.stack).findWarning('*', Match.stringLikeRegexp('npm run build:h5'));

      expect(warnings.map((w) => w.id)).toEqual(['/ShouhuStack/H5Site/Deployment']);
    });

    it('still makes the site, with a policy that allows no inline script', () => {
      synthesized.template.resourceCountIs('AWS::CloudFront::Distribution', 1);
      const [[, policy]] = resourcesOf(synthesized).filter(([, r]) => r.Type === 'AWS::CloudFront::ResponseHeadersPolicy');
      const csp = policy.Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy;

      expect(parseContentSecurityPolicy(csp)['script-src']).toEqual(["'self'"]);
    });
  });
});
