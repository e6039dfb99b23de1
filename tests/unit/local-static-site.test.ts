import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaticSite } from '../../functions/src/local/static-site.js';

/** An H5 build in miniature: Taro inlines a sizing script into index.html and names its bundles by content hash. */
const inlineScript = 'document.documentElement.style.fontSize="20px"';
const indexHtml = (script: string) =>
  `<!doctype html><html><head><script>${script}</script><script defer src="/js/app.0123abcd.js"></script></head><body><div id="app"></div></body></html>`;

function sha256Source(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

function directive(csp: string | null, name: string): string | undefined {
  return csp
    ?.split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name} `));
}

let h5Dir: string;

beforeAll(async () => {
  h5Dir = await mkdtemp(join(tmpdir(), 'shouhu-h5-'));
  await mkdir(join(h5Dir, 'js'));
  await writeFile(join(h5Dir, 'index.html'), indexHtml(inlineScript));
  await writeFile(join(h5Dir, 'js', 'app.0123abcd.js'), 'console.log("app")');
});

afterAll(async () => {
  await rm(h5Dir, { recursive: true, force: true });
});

/** The headers and cache rules of each kind of answer are checked on the real build in tests/browser/site-headers. */
describe('the Content-Security-Policy of the H5 pages', () => {
  it('allows the inline script of index.html by its hash, and no other inline script', async () => {
    const res = await createStaticSite(h5Dir).request('/pages/home/index');

    const csp = res.headers.get('content-security-policy');
    expect(directive(csp, 'script-src')).toBe(`script-src 'self' ${sha256Source(inlineScript)}`);
    expect(directive(csp, 'frame-ancestors')).toBe("frame-ancestors 'none'");
  });

  it('follows a rebuild: the hash is of the inline script index.html has now', async () => {
    const rebuiltDir = await mkdtemp(join(tmpdir(), 'shouhu-h5-rebuilt-'));
    try {
      await writeFile(join(rebuiltDir, 'index.html'), indexHtml(inlineScript));
      const site = createStaticSite(rebuiltDir);
      await site.request('/');
      const rebuiltScript = 'document.documentElement.style.fontSize="21px"';
      await writeFile(join(rebuiltDir, 'index.html'), indexHtml(rebuiltScript));
      // A build within the same millisecond would keep the modification time; a later one never does.
      const later = new Date(Date.now() + 60_000);
      await utimes(join(rebuiltDir, 'index.html'), later, later);

      const res = await site.request('/');

      expect(directive(res.headers.get('content-security-policy'), 'script-src')).toBe(`script-src 'self' ${sha256Source(rebuiltScript)}`);
    } finally {
      await rm(rebuiltDir, { recursive: true, force: true });
    }
  });

  it('before the H5 build exists, says so with a 503 that carries the same headers', async () => {
    const emptyDir = await mkdtemp(join(tmpdir(), 'shouhu-h5-none-'));
    try {
      const res = await createStaticSite(emptyDir).request('/');

      expect(res.status).toBe(503);
      expect(await res.text()).toContain('npm run build:h5');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cache-control')).toBe('no-cache');
    } finally {
      await rm(emptyDir, { recursive: true, force: true });
    }
  });
});
