/**
 * The H5 pages' Content-Security-Policy, defined once for both places that serve them: the local server
 * (static-site.ts, through Hono's secureHeaders) and CloudFront (infra/lib/h5-security-headers.ts, a response headers
 * policy). Directive names are Hono's (camelCase). `script-src` allows the built index.html's inline scripts by
 * their hashes (inline-script-hashes.ts): as strings for CloudFront, as a function the local server calls per
 * request so that a rebuild is followed.
 */
export function h5ContentSecurityDirectives<InlineScripts>(inlineScripts: readonly InlineScripts[]) {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'", ...inlineScripts],
    // Taro's H5 runtime adds <style> elements as it runs (router, navigation bar, Stencil components, the toast's
    // icon font): with style-src 'self' alone, Chromium blocked 22 of them while a user logged in and opened a list
    // and a child. Its router offers no nonce to tag them with. Styles cannot run code; scripts can, so scripts
    // stay without 'unsafe-inline'.
    styleSrc: ["'self'", "'unsafe-inline'"],
    // Taro's components draw their icons as data: SVG and the toast's font is a data: TTF.
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    // The H5 build calls the API on its own origin (TARO_APP_API_BASE empty): /api beside the pages, locally and
    // behind CloudFront alike.
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  };
}

/** The header's value, written as Hono writes it: directives in order, kebab-case, each source after a space. */
export function renderContentSecurityPolicy(directives: Readonly<Record<string, readonly string[]>>): string {
  return Object.entries(directives)
    .map(([name, sources]) => [name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`), ...sources].join(' '))
    .join('; ');
}
