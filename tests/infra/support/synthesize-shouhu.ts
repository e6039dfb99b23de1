import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Template } from 'aws-cdk-lib/assertions';
import type { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { createShouhuApp } from '../../../infra/lib/create-shouhu-app.js';
import type { ShouhuStack } from '../../../infra/lib/shouhu-stack.js';

export interface SynthesizedShouhu {
  stack: ShouhuStack;
  template: Template;
  assembly: CloudAssembly;
  /** Removes the assembly directory (bundled assets included). */
  cleanUp(): void;
}

export interface SynthesizeShouhuOptions {
  cloudFormationValidation?: boolean;
  /**
   * The H5 build to host. By default an empty directory, i.e. no build: the repository's miniapp/dist/h5 may be
   * missing, or half written by a browser test's build running at the same time.
   */
  h5Dir?: string;
}

/**
 * Synthesizes the app exactly as `npm run synth` does (cdk-nag and the esbuild bundling included) into a temporary
 * directory. `app.synth()` throws when cdk-nag reports an error nobody acknowledged. Files that only read the
 * template may skip CDK's built-in CloudFormation validation (seconds per synth); compliance.test.ts runs it.
 */
export function synthesizeShouhu(options: SynthesizeShouhuOptions = {}): SynthesizedShouhu {
  const outdir = mkdtempSync(join(tmpdir(), 'shouhu-cdk-'));
  const noBuild = options.h5Dir === undefined ? mkdtempSync(join(tmpdir(), 'shouhu-no-h5-')) : undefined;
  const { app, stack } = createShouhuApp({
    outdir,
    cloudFormationValidation: options.cloudFormationValidation,
    h5Dir: options.h5Dir ?? noBuild,
  });
  const assembly = app.synth();
  return {
    stack,
    template: Template.fromStack(stack),
    assembly,
    cleanUp: () => {
      rmSync(outdir, { recursive: true, force: true });
      if (noBuild) rmSync(noBuild, { recursive: true, force: true });
    },
  };
}
