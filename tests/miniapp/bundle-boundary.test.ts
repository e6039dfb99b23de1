import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Layer rules of the mini-program, checked on the source: the API client and helpers stay free of Taro (so they
 * run in node tests), and nothing pulls zod into the bundle (domain files are imported as types, or are zod-free).
 */
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const miniappSrc = path.join(repo, 'miniapp/src');
const functionsSrc = path.join(repo, 'functions/src');
const domainDir = path.join(functionsSrc, 'domain');

/**
 * The back-end files the app may import values from (paths under functions/src): at run time they import nothing
 * but each other. R3's assessment is among them so the form warns by the server's own rule (issue 7, B4).
 */
const zodFreeDomainFiles = ['acknowledge-limit-defaults.ts', 'chat.ts', 'escalation-levels.ts', 'labels.ts', 'masking.ts', 'r3-assessment.ts', 'safety-topics.ts', 'tracking-code.ts', 'visit-rules.ts'];
const allowedValueImports = zodFreeDomainFiles.map((file) => `domain/${file}`);

interface ImportStatement {
  file: string;
  specifier: string;
  typeOnly: boolean;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [full] : [];
  });
}

function importsOf(file: string): ImportStatement[] {
  const text = readFileSync(file, 'utf8');
  const statements = text.matchAll(/^(?:import|export)\s+(type\s+)?[^;]*?from\s+['"]([^'"]+)['"]/gms);
  return [...statements].map((m) => ({ file, specifier: m[2], typeOnly: Boolean(m[1]) }));
}

/** The imported file relative to functions/src (e.g. `domain/labels.ts`), or null for imports elsewhere. */
function backEndFileOf(statement: ImportStatement): string | null {
  if (!statement.specifier.startsWith('.')) return null;
  const target = path.resolve(path.dirname(statement.file), statement.specifier);
  const relative = path.relative(functionsSrc, target);
  return relative.startsWith('..') ? null : `${relative.replace(/\.js$/, '')}.ts`;
}

describe('mini-program layer rules', () => {
  const all = sourceFiles(miniappSrc).flatMap(importsOf);

  it('finds the sources it checks', () => {
    expect(all.length).toBeGreaterThan(50);
  });

  it('keeps the API client and the helpers free of Taro', () => {
    const offenders = all.filter(
      (s) => /\/src\/(api|lib)\//.test(s.file) && (s.specifier.startsWith('@tarojs/') || s.specifier.includes('/platform/')),
    );
    expect(offenders).toEqual([]);
  });

  it('imports back-end values only out of zod-free domain files; schemas and API types come in as types', () => {
    const valueImports = all
      .filter((s) => !s.typeOnly)
      .map(backEndFileOf)
      .filter((file): file is string => file !== null);
    expect(valueImports.length).toBeGreaterThan(0);
    expect(valueImports.filter((file) => !allowedValueImports.includes(file))).toEqual([]);
  });

  it.each(zodFreeDomainFiles)('domain/%s imports nothing at run time but the other zod-free files', (file) => {
    const valueImports = importsOf(path.join(domainDir, file)).filter((s) => !s.typeOnly);
    const outside = valueImports.filter((s) => !zodFreeDomainFiles.includes(s.specifier.replace(/^\.\//, '').replace(/\.js$/, '.ts')));
    expect(outside).toEqual([]);
  });

  it('never imports zod at run time', () => {
    expect(all.filter((s) => !s.typeOnly && /^(zod|@hono\/zod-openapi)(\/|$)/.test(s.specifier))).toEqual([]);
  });
});
