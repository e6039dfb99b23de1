import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Absolute paths the stack needs, resolved from this file rather than from the working directory, so `npm run synth`
 * (run inside infra/), the root `npm run synth` and the tests (run from the root) all find the same files.
 */
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export const REPO_PATHS = {
  repoRoot,
  lockFile: path.join(repoRoot, 'package-lock.json'),
  apiEntry: path.join(repoRoot, 'functions', 'src', 'lambda', 'api.ts'),
  /**
   * R8, issue 11: what the signed pledge's PDF and image are drawn with, copied beside the API bundle (the code finds
   * them there: functions/src/api/pledge-export/pledge-font.ts): the CJK font and resvg's WebAssembly.
   */
  pledgeAssets: [
    path.join(repoRoot, 'node_modules', '@embedpdf', 'fonts-sc', 'fonts', 'NotoSansHans-Regular.otf'),
    path.join(repoRoot, 'node_modules', '@resvg', 'resvg-wasm', 'index_bg.wasm'),
  ],
  outboxRelayEntry: path.join(repoRoot, 'functions', 'src', 'lambda', 'outbox-relay.ts'),
  eventConsumerEntry: path.join(repoRoot, 'functions', 'src', 'lambda', 'event-consumer.ts'),
  chatEntry: path.join(repoRoot, 'functions', 'src', 'lambda', 'chat.ts'),
  scheduledJobEntry: path.join(repoRoot, 'functions', 'src', 'lambda', 'scheduled-job.ts'),
  cdkOut: path.join(repoRoot, 'infra', 'cdk.out'),
  /** Where `npm run build:h5` writes the H5 app (miniapp/config/index.ts). */
  h5Dir: path.join(repoRoot, 'miniapp', 'dist', 'h5'),
  h5PageRewriteFunction: path.join(repoRoot, 'infra', 'lib', 'cloudfront-functions', 'h5-page-rewrite.js'),
  apiViewerAddressFunction: path.join(repoRoot, 'infra', 'lib', 'cloudfront-functions', 'api-viewer-address.js'),
} as const;
