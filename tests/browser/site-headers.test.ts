import { describe, expect, inject, it } from 'vitest';

/**
 * The H5 pages as `npm start` serves them (the real build), over HTTP: each answer carries the headers that keep
 * the page from being framed, sniffed or fed foreign scripts, and a cache rule that fits what it is.
 */
const url = inject('shouhuUrl');

async function headersOf(path: string): Promise<{ status: number; headers: Headers; body: string }> {
  const res = await fetch(new URL(path, url));
  return { status: res.status, headers: res.headers, body: await res.text() };
}

function scriptSrcOf(csp: string | null): string {
  return (csp ?? '').split(';').map((part) => part.trim()).find((part) => part.startsWith('script-src ')) ?? '';
}

async function hashedBundlePath(): Promise<string> {
  const { body } = await headersOf('/');
  const src = /<script[^>]*\ssrc="([^"]+\.[0-9a-f]{8}\.js)"/.exec(body)?.[1];
  expect(src, 'index.html names a content-hashed bundle').toBeTruthy();
  return src!;
}

describe('headers of the H5 pages served by npm start', () => {
  it.each(['/', '/pages/home/index', 'HASHED', '/js/app.00000000.js'])('%s: CSP, no framing, no sniffing, no referrer', async (path) => {
    const { headers } = await headersOf(path === 'HASHED' ? await hashedBundlePath() : path);

    const csp = headers.get('content-security-policy');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("default-src 'self'");
    expect(scriptSrcOf(csp)).toMatch(/^script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')*$/);
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('referrer-policy')).toBe('no-referrer');
  });

  it.each(['/', '/pages/home/index'])('%s is the app shell and is revalidated on every visit', async (path) => {
    const { status, headers, body } = await headersOf(path);

    expect(status).toBe(200);
    expect(body).toContain('<div id="app">');
    expect(headers.get('cache-control')).toBe('no-cache');
  });

  it('a content-hashed bundle is cached for a year without asking again', async () => {
    const { status, headers } = await headersOf(await hashedBundlePath());

    expect(status).toBe(200);
    expect(headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('a missing bundle is a 404, not the app shell, and is not cached for good', async () => {
    const { status, headers, body } = await headersOf('/js/app.00000000.js');

    expect(status).toBe(404);
    expect(body).not.toContain('<div id="app">');
    expect(headers.get('cache-control')).toBe('no-cache');
  });
});
