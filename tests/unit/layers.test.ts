import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const functionsSrc = resolve(import.meta.dirname, '..', '..', 'functions', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

function importsOf(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
}

/** Each import of the file with whether it imports types only (`import type`, `export type`). */
function importStatementsOf(file: string): { spec: string; typeOnly: boolean }[] {
  return [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)(\s+type)?[^'"]*from\s+['"]([^'"]+)['"]/gm)].map((m) => ({
    spec: m[2],
    typeOnly: m[1] !== undefined,
  }));
}

/** The folder of functions/src a relative import lands in (`store`, `domain`, …), or null for a package. */
function layerOf(file: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  return relative(functionsSrc, resolve(dirname(file), spec)).split(sep)[0];
}

function isInside(dir: string, path: string): boolean {
  return path.startsWith(dir + sep);
}

/** STYLE.md habit 1: layers you can see in the tree, checked here rather than by memory. */
describe('layer rules of functions/src', () => {
  it('the domain imports nothing but zod and other domain files (no I/O, no framework)', () => {
    const domain = join(functionsSrc, 'domain');
    const offending = sourceFiles(domain).flatMap((file) =>
      importsOf(file)
        .filter((spec) => !(spec === 'zod' || (spec.startsWith('.') && isInside(domain, resolve(dirname(file), spec)))))
        .map((spec) => `${relative(functionsSrc, file)} → ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('the domain never reads the system clock (the clock is injected)', () => {
    const offending = sourceFiles(join(functionsSrc, 'domain')).filter((file) =>
      /Date\.now\(|new Date\(\)/.test(readFileSync(file, 'utf8')),
    );
    expect(offending.map((f) => relative(functionsSrc, f))).toEqual([]);
  });

  it('the Lambda entries never reach the dev login or the local server', () => {
    const offending = sourceFiles(join(functionsSrc, 'lambda')).flatMap((file) =>
      importsOf(file).filter((spec) => /dev-login|\/local\//.test(spec)).map((spec) => `${relative(functionsSrc, file)} → ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('routes are defined through defineRoute, which refuses query parameters a route does not declare', () => {
    const offending = sourceFiles(functionsSrc)
      .filter((file) => !file.endsWith(join('api', 'define-route.ts')))
      .filter((file) => /\bcreateRoute\b/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(functionsSrc, file));
    expect(offending).toEqual([]);
  });

  it('only the store speaks to DynamoDB', () => {
    const outside = ['api', 'domain', 'lambda'].flatMap((layer) => sourceFiles(join(functionsSrc, layer)));
    const offending = outside.flatMap((file) =>
      importsOf(file).filter((spec) => spec.startsWith('@aws-sdk/client-dynamodb') || spec.startsWith('@aws-sdk/lib-dynamodb')).map((spec) => `${relative(functionsSrc, file)} → ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('events and notify reach the store only through its port types, and never DynamoDB or the API', () => {
    const files = ['events', 'notify'].flatMap((layer) => sourceFiles(join(functionsSrc, layer)));
    const offending = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/^\s*(?:import|export)(\s+type)?[^'"]*from\s+['"]([^'"]+)['"]/gm)]
        .filter(([, typeOnly, spec]) =>
          /^@aws-sdk\/(client-dynamodb|lib-dynamodb|util-dynamodb)/.test(spec) ||
          /\/api\//.test(spec) ||
          (/\/store\//.test(spec) && !(typeOnly && /\/store\/(event-)?ports\.js$/.test(spec))),
        )
        .map(([, , spec]) => `${relative(functionsSrc, file)} → ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('use cases (app/) import the domain, the event union and the store’s port types only: no HTTP, no adapter', () => {
    const offending = sourceFiles(join(functionsSrc, 'app')).flatMap((file) =>
      importStatementsOf(file)
        .filter(({ spec, typeOnly }) => {
          const layer = layerOf(file, spec);
          if (layer === null) return true; // no package at all: hono, @hono, @aws-sdk, node:…
          if (layer === 'domain' || layer === 'app') return false;
          if (layer === 'events') return !spec.endsWith('/events/domain-events.js');
          if (layer === 'store') return !(typeOnly && spec.endsWith('/store/ports.js'));
          return true;
        })
        .map(({ spec }) => `${relative(functionsSrc, file)} → ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('the store writes what it is given: it never runs the policy engine, and never reaches up to app/ or api/', () => {
    const offending = sourceFiles(join(functionsSrc, 'store')).flatMap((file) =>
      importsOf(file)
        .filter((spec) => /policy-engine/.test(spec) || ['app', 'api', 'compose'].includes(layerOf(file, spec) ?? ''))
        .map((spec) => `${relative(functionsSrc, file)} → ${spec}`),
    );
    const computing = sourceFiles(join(functionsSrc, 'store')).filter((file) =>
      /\b(computeObligations|obligationKeysCompletedBy)\b/.test(readFileSync(file, 'utf8')),
    );
    expect(offending).toEqual([]);
    expect(computing.map((file) => relative(functionsSrc, file))).toEqual([]);
  });

  it('the API never speaks to AWS itself', () => {
    const offending = sourceFiles(join(functionsSrc, 'api')).flatMap((file) =>
      importsOf(file).filter((spec) => spec.startsWith('@aws-sdk/')).map((spec) => `${relative(functionsSrc, file)} → ${spec}`),
    );
    expect(offending).toEqual([]);
  });

  it('the entries build clients, repositories and use cases through the one composition root (compose/)', () => {
    const entries = ['lambda', 'local'].flatMap((layer) => sourceFiles(join(functionsSrc, layer)));
    const offending = entries.filter((file) => /\b(createDocumentClient|createRepositories|createUseCases)\(/.test(readFileSync(file, 'utf8')));
    expect(offending.map((file) => relative(functionsSrc, file))).toEqual([]);
  });
});
