import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import { secureHeaders } from 'hono/secure-headers';
import { h5ContentSecurityDirectives } from './h5-content-security-policy.js';
import { createInlineScriptHashes } from './inline-script-hashes.js';

/** Webpack's `[name].[contenthash:8].js` and the like: a changed file gets a new name, so it may be kept for good. */
const contentHashedFile = /\.[0-9a-f]{8,}\.[a-z0-9]+$/i;
/** A last path segment with an extension asks for a file; anything else is a page of the app. */
const fileLikePath = /\/[^/]*\.[^/]+$/;

export const IMMUTABLE_CACHE = 'public, max-age=31536000, immutable';
export const REVALIDATE_CACHE = 'no-cache';

/**
 * The H5 build of the mini-program, as the local server serves it beside the API: the files, index.html for any
 * page path (the H5 router lives in the URL's hash), and on every answer the headers a browser needs to keep the
 * page from being framed, sniffed or fed foreign scripts.
 */
export function createStaticSite(h5Dir: string): Hono {
  const indexFile = join(h5Dir, 'index.html');
  const inlineScriptHashes = createInlineScriptHashes(indexFile);
  const site = new Hono();

  site.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: h5ContentSecurityDirectives([() => inlineScriptHashes().join(' ')]),
      xFrameOptions: 'DENY',
      referrerPolicy: 'no-referrer',
    }),
  );
  site.use('*', setCacheControl);

  if (!existsSync(indexFile)) {
    site.get('*', (c) => c.text('H5 尚未构建：请运行 npm run build:h5', 503));
    return site;
  }
  site.use('*', serveStatic({ root: h5Dir }));
  // A missing script or stylesheet must not come back as index.html with 200: the browser would run HTML as code.
  site.get('*', async (c, next) => (fileLikePath.test(c.req.path) ? c.text('文件不存在', 404) : next()));
  site.get('*', serveStatic({ root: h5Dir, path: 'index.html' }));
  return site;
}

const setCacheControl = createMiddleware(async (c, next) => {
  await next();
  const found = c.res.status === 200 || c.res.status === 206 || c.res.status === 304;
  c.header('Cache-Control', found && contentHashedFile.test(c.req.path) ? IMMUTABLE_CACHE : REVALIDATE_CACHE);
});
