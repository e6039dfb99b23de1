import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface H5BuildFixture {
  dir: string;
  indexHtml: string;
  /** Files of the build, by path from its root. */
  files: Record<string, string>;
  cleanUp(): void;
}

/**
 * A small stand-in for `npm run build:h5`'s output, laid out as miniapp/config/index.ts lays it out: index.html with
 * an inline script (Taro's rem sizing) and content-hashed scripts and styles, and an unhashed image under static/.
 */
export function createH5BuildFixture(): H5BuildFixture {
  const dir = mkdtempSync(join(tmpdir(), 'shouhu-h5-build-'));
  const indexHtml =
    '<!doctype html><html><head><meta charset="utf-8"><title>守护</title>' +
    '<script>!function(n){document.documentElement.style.fontSize=n.innerWidth/20+"px"}(window);</script>' +
    '<link href="/css/app.5e1f2a3b.css" rel="stylesheet"></head>' +
    '<body><div id="app"></div><script src="/js/app.0c9d8e7f.js"></script></body></html>';
  const files: Record<string, string> = {
    'index.html': indexHtml,
    'js/app.0c9d8e7f.js': 'console.log("app");',
    // webpack's extracted license comments, named after the chunk but not content-hashed themselves.
    'js/app.0c9d8e7f.js.LICENSE.txt': '/*! react */',
    'css/app.5e1f2a3b.css': 'body{margin:0}',
    'static/images/logo.png': 'not really a png',
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), content);
  }
  return { dir, indexHtml, files, cleanUp: () => rmSync(dir, { recursive: true, force: true }) };
}
