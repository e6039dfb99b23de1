import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';

/**
 * CSP hash sources (`'sha256-…'`) for the inline scripts of an HTML file. Taro's H5 build inlines its rem-sizing
 * script into index.html; allowing exactly that text keeps `script-src` free of 'unsafe-inline'. The hashes are
 * taken from the file as built, and taken again when a rebuild changes it, so the policy cannot drift from the page.
 */
export function createInlineScriptHashes(htmlFile: string): () => string[] {
  let cached: { modifiedMs: number; hashes: string[] } | null = null;
  return () => {
    const modifiedMs = statSync(htmlFile, { throwIfNoEntry: false })?.mtimeMs;
    if (modifiedMs === undefined) return [];
    if (cached?.modifiedMs !== modifiedMs) cached = { modifiedMs, hashes: hashInlineScripts(readFileSync(htmlFile, 'utf8')) };
    return cached.hashes;
  };
}

const scriptElement = /<script(\s[^>]*)?>([\s\S]*?)<\/script\s*>/gi;

export function hashInlineScripts(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes = '', body] of html.matchAll(scriptElement)) {
    if (/\ssrc\s*=/i.test(attributes) || body.length === 0) continue;
    hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}
