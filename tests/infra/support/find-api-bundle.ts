import { join } from 'node:path';
import { findApiFunction } from './api-function-resource.js';
import type { SynthesizedShouhu } from './synthesize-shouhu.js';

/** The directory of the API function's bundled code in the cloud assembly (the asset named by its S3 key). */
export function findApiBundleDir(synthesized: SynthesizedShouhu): string {
  const s3Key = String(findApiFunction(synthesized.template).properties.Code.S3Key);
  return join(synthesized.assembly.directory, `asset.${s3Key.replace(/\.zip$/, '')}`);
}
