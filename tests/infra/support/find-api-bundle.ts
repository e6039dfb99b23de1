import { join } from 'node:path';
import { Capture } from 'aws-cdk-lib/assertions';
import type { SynthesizedShouhu } from './synthesize-shouhu.js';

/** The directory of the API function's bundled code in the cloud assembly (the asset named by its S3 key). */
export function findApiBundleDir(synthesized: SynthesizedShouhu): string {
  const s3Key = new Capture();
  synthesized.template.hasResourceProperties('AWS::Lambda::Function', { Code: { S3Key: s3Key } });
  return join(synthesized.assembly.directory, `asset.${s3Key.asString().replace(/\.zip$/, '')}`);
}
