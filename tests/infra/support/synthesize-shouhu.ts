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

/**
 * Synthesizes the app exactly as `npm run synth` does (cdk-nag and the esbuild bundling included) into a temporary
 * directory. `app.synth()` throws when cdk-nag reports an error nobody acknowledged. Files that only read the
 * template may skip CDK's built-in CloudFormation validation (seconds per synth); compliance.test.ts runs it.
 */
export function synthesizeShouhu(options: { cloudFormationValidation?: boolean } = {}): SynthesizedShouhu {
  const outdir = mkdtempSync(join(tmpdir(), 'shouhu-cdk-'));
  const { app, stack } = createShouhuApp({ outdir, cloudFormationValidation: options.cloudFormationValidation });
  const assembly = app.synth();
  return {
    stack,
    template: Template.fromStack(stack),
    assembly,
    cleanUp: () => rmSync(outdir, { recursive: true, force: true }),
  };
}
