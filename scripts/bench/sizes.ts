/**
 * Builds what ships and reports its size: the H5 app (raw and gzip -9), the WeChat package (whole and main
 * package, against WeChat's 2 MB main-package limit) and the Lambda bundle of the API (raw and gzip).
 * Run: npx tsx scripts/bench/sizes.ts   (a report, not a test)
 */
import { execSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const root = resolve(import.meta.dirname, '..', '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)],
  );
}

function sizes(files: string[]): { raw: number; gzip: number } {
  return files.reduce(
    (sum, file) => {
      const bytes = readFileSync(file);
      return { raw: sum.raw + bytes.length, gzip: sum.gzip + gzipSync(bytes, { level: 9 }).length };
    },
    { raw: 0, gzip: 0 },
  );
}

function timed(label: string, command: string): void {
  const started = Date.now();
  execSync(command, { cwd: root, stdio: 'ignore' });
  console.log(`${label}: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

timed('H5 build', 'npm run build:h5');
timed('weapp build', 'npm run build:weapp');
timed('CDK synth (bundles the API)', 'npm run synth');

const h5 = sizes(filesUnder(join(root, 'miniapp/dist/h5')).filter((f) => /\.(js|css)$/.test(f)));
console.log(`H5 JS+CSS: ${kb(h5.raw)} raw, ${kb(h5.gzip)} gzip -9`);

const weappFiles = filesUnder(join(root, 'miniapp/dist/weapp')).filter((f) => !f.endsWith('.map'));
const appJson = JSON.parse(readFileSync(join(root, 'miniapp/dist/weapp/app.json'), 'utf8')) as {
  subPackages?: { root: string }[];
  subpackages?: { root: string }[];
};
const subRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => join(root, 'miniapp/dist/weapp', p.root));
const mainFiles = weappFiles.filter((f) => !subRoots.some((r) => f.startsWith(r)));
const total = weappFiles.reduce((n, f) => n + statSync(f).size, 0);
const main = mainFiles.reduce((n, f) => n + statSync(f).size, 0);
console.log(`weapp package: ${kb(total)} in all, main package ${kb(main)} (limit 2048 KB)`);

const assetDir = readdirSync(join(root, 'infra/cdk.out')).find((d) => d.startsWith('asset.'));
if (assetDir) {
  const bundle = filesUnder(join(root, 'infra/cdk.out', assetDir)).filter((f) => /\.(m?js)$/.test(f));
  const api = sizes(bundle);
  console.log(`API Lambda bundle: ${kb(api.raw)} raw, ${kb(api.gzip)} gzip -9`);
}
