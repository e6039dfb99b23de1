import { rmSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createShouhuApp } from '../lib/create-shouhu-app.js';
import { REPO_PATHS } from '../lib/repo-paths.js';

/**
 * `npm run synth`: writes the CloudFormation templates (infra/cdk.out/*.template.json) offline, without AWS
 * credentials. The CDK CLI passes its own output directory in CDK_OUTDIR; honour it so `cdk synth`/`cdk deploy` work.
 * An unacknowledged cdk-nag error makes `app.synth()` throw (policy validation); error annotations from constructs
 * do not, unlike under the CLI, so they fail the run here.
 */
const started = performance.now();
const outdir = process.env.CDK_OUTDIR ?? REPO_PATHS.cdkOut;
// CDK never deletes the bundles of earlier runs; start clean so cdk.out holds only what the template references.
if (!process.env.CDK_OUTDIR) rmSync(outdir, { recursive: true, force: true });
const { app } = createShouhuApp({ outdir });
const assembly = app.synth();

let errors = 0;
for (const stack of assembly.stacks) {
  for (const message of stack.messages) {
    if (message.level === 'error') errors += 1;
    if (message.level === 'error' || message.level === 'warning') {
      console.error(`[${message.level}] ${message.id}: ${String(message.entry.data)}`);
    }
  }
  console.log(`${stack.stackName}: ${stack.templateFullPath}`);
}
console.log(`synthesized in ${Math.round(performance.now() - started)} ms`);
if (errors > 0) {
  console.error(`${errors} error annotation(s) on the stack: fix them before deploying`);
  process.exitCode = 1;
}
