import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addNagChecks } from '../../infra/lib/nag-checks.js';
import { findApiBundleDir } from './support/find-api-bundle.js';
import { createH5BuildFixture, type H5BuildFixture } from './support/h5-build-fixture.js';
import { synthesizeShouhu, type SynthesizedShouhu } from './support/synthesize-shouhu.js';

interface ValidationReport {
  pluginReports: { pluginName: string; violations: { ruleName: string; severity: string }[] }[];
}

function readValidationReport(assemblyDir: string): ValidationReport {
  return JSON.parse(readFileSync(join(assemblyDir, 'validation-report.json'), 'utf8')) as ValidationReport;
}

function findNagErrors(report: ValidationReport): string[] {
  return report.pluginReports
    .flatMap((plugin) => plugin.violations)
    .filter((v) => v.ruleName.startsWith('AwsSolutions-') && v.severity === 'error')
    .map((v) => v.ruleName);
}

// Values a careless stack might copy from the synth machine's environment into the template or the bundle.
const CANARIES = {
  SHOUHU_SESSION_SECRET: 'canary-session-secret-7f3a9c',
  WECHAT_APP_SECRET: 'canary-wechat-app-secret-51e2d8',
};

describe('compliance of the synthesized stack', () => {
  let build: H5BuildFixture;
  let synthesized: SynthesizedShouhu;
  let templateText: string;
  let bundleDir: string;

  beforeAll(() => {
    const saved = Object.fromEntries(Object.keys(CANARIES).map((key) => [key, process.env[key]]));
    Object.assign(process.env, CANARIES);
    // With an H5 build, so the checks cover its deployment too.
    build = createH5BuildFixture();
    try {
      synthesized = synthesizeShouhu({ h5Dir: build.dir });
    } finally {
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    }
    templateText = JSON.stringify(synthesized.template.toJSON());
    bundleDir = findApiBundleDir(synthesized);
  });
  afterAll(() => {
    synthesized?.cleanUp();
    build?.cleanUp();
  });

  it('carries no error annotation from the constructs themselves', () => {
    expect(Annotations.fromStack(synthesized.stack).findError('*', Match.anyValue())).toEqual([]);
  });

  describe('cdk-nag (AwsSolutions)', () => {
    // cdk-nag 3 reports through CDK policy validation, not annotations: read its report in the assembly.
    it('reports no error that is not acknowledged with a reason', () => {
      const report = readValidationReport(synthesized.assembly.directory);

      expect(findNagErrors(report)).toEqual([]);
    });

    it('reports no warning either, from cdk-nag or from the CloudFormation validation', () => {
      const report = readValidationReport(synthesized.assembly.directory);
      const findings = report.pluginReports.flatMap((plugin) =>
        plugin.violations.map((v) => `${plugin.pluginName}: ${v.severity} ${v.ruleName}`),
      );

      expect(findings).toEqual([]);
    });

    it('is active: an unacknowledged finding fails the synth and appears in the report', () => {
      const outdir = mkdtempSync(join(tmpdir(), 'shouhu-nag-'));
      try {
        const app = new App({ outdir });
        new Secret(new Stack(app, 'Control'), 'SecretWithoutRotation');
        addNagChecks(app);

        expect(() => app.synth()).toThrow(/AwsSolutions-SMG4/);
        expect(findNagErrors(readValidationReport(outdir))).toContain('AwsSolutions-SMG4');
      } finally {
        rmSync(outdir, { recursive: true, force: true });
      }
    });
  });

  describe('secrets', () => {
    it('never appear in the template, not even when the synth machine has them in its environment', () => {
      for (const value of Object.values(CANARIES)) {
        expect(templateText).not.toContain(value);
      }
    });

    it('are not resolved into the template at deploy time either', () => {
      expect(templateText).not.toMatch(/\{\{resolve:(secretsmanager|ssm-secure)/);
      synthesized.template.resourceCountIs('AWS::SSM::Parameter', 0);
      synthesized.template.resourceCountIs('AWS::SecretsManager::Secret', 0);
    });

    it('do not reach the Lambda bundle from the synth environment', () => {
      const code = readFileSync(join(bundleDir, 'index.mjs'), 'utf8');
      for (const value of Object.values(CANARIES)) {
        expect(code).not.toContain(value);
      }
    });
  });
});
