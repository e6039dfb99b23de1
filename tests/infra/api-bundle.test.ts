import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_PATHS } from '../../infra/lib/repo-paths.js';
import { findApiFunction } from './support/api-function-resource.js';
import { findApiBundleDir } from './support/find-api-bundle.js';
import { synthesizeShouhu, type SynthesizedShouhu } from './support/synthesize-shouhu.js';

const runFile = promisify(execFile);

interface InvocationOutput {
  handlerType: string;
  results: { statusCode: number; body: string }[];
}

interface ParameterRequest {
  target: string | undefined;
  body: { Names: string[]; WithDecryption?: boolean };
}

/** Answers GetParameters like SSM does, with a stub value for each name, and records what was asked. */
async function startSsmStub(): Promise<{ server: Server; url: string; requests: ParameterRequest[] }> {
  const requests: ParameterRequest[] = [];
  const server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk: Buffer) => (raw += chunk.toString()));
    request.on('end', () => {
      const body = JSON.parse(raw) as ParameterRequest['body'];
      requests.push({ target: request.headers['x-amz-target'] as string | undefined, body });
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
      response.end(
        JSON.stringify({
          Parameters: body.Names.map((name) => ({
            Name: name,
            Type: 'SecureString',
            Value: `stub-value-${name}-${'x'.repeat(40)}`,
            Version: 1,
          })),
          InvalidParameters: [],
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

function buildHttpApiEvent(method: string, path: string, requestId: string) {
  return {
    version: '2.0',
    routeKey: 'ANY /api/{proxy+}',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'abc123.execute-api.ap-east-1.amazonaws.com', 'x-forwarded-proto': 'https' },
    requestContext: {
      accountId: '123456789012',
      apiId: 'abc123',
      domainName: 'abc123.execute-api.ap-east-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '203.0.113.7', userAgent: 'vitest' },
      requestId,
      routeKey: 'ANY /api/{proxy+}',
      stage: '$default',
      time: '01/Mar/2026:08:00:00 +0000',
      timeEpoch: 1772352000000,
    },
    pathParameters: { proxy: path.replace(/^\/api\//, '') },
    isBase64Encoded: false,
  };
}

describe('the bundled API function', () => {
  let synthesized: SynthesizedShouhu;
  let bundleDir: string;

  beforeAll(() => {
    synthesized = synthesizeShouhu({ cloudFormationValidation: false });
    bundleDir = findApiBundleDir(synthesized);
  });
  afterAll(() => synthesized?.cleanUp());

  it('is one ES module with its source map, built from the Lambda entry', () => {
    const sources = readBundleSources(bundleDir);

    // R8 (issue 11): the signed pledge's CJK font and resvg's WebAssembly travel beside the bundle.
    expect(readdirSync(bundleDir).sort()).toEqual(['NotoSansHans-Regular.otf', 'index.mjs', 'index.mjs.map', 'index_bg.wasm']);
    expect(statSync(join(bundleDir, 'index.mjs')).size).toBeGreaterThan(1000);
    expect(sources.some((s) => s.endsWith('functions/src/lambda/api.ts'))).toBe(true);
  });

  it('leaves the AWS SDK to the runtime', () => {
    const code = readFileSync(join(bundleDir, 'index.mjs'), 'utf8');

    expect(readBundleSources(bundleDir).filter((s) => s.includes('node_modules/@aws-sdk/'))).toEqual([]);
    expect(code).toMatch(/from"@aws-sdk\/[a-z-]+"/);
  });

  it('does not contain the dev login, which only the local server mounts', () => {
    const code = readFileSync(join(bundleDir, 'index.mjs'), 'utf8');

    expect(code).not.toContain('auth/dev');
    expect(readBundleSources(bundleDir).filter((s) => /dev-login/.test(s))).toEqual([]);
  });

  describe('started with the environment the stack gives it', () => {
    let ssm: Awaited<ReturnType<typeof startSsmStub>>;
    let workDir: string;
    let environment: Record<string, unknown>;
    let lastLogs = '';

    beforeAll(async () => {
      ssm = await startSsmStub();
      // A copy beside a link to the repository's node_modules stands in for the runtime's bundled AWS SDK.
      workDir = mkdtempSync(join(tmpdir(), 'shouhu-bundle-'));
      for (const file of readdirSync(bundleDir)) copyFileSync(join(bundleDir, file), join(workDir, file));
      symlinkSync(join(REPO_PATHS.repoRoot, 'node_modules'), join(workDir, 'node_modules'), 'dir');
      environment = findApiFunction(synthesized.template).properties.Environment.Variables;
    });
    afterAll(async () => {
      await new Promise((resolve) => ssm?.server.close(resolve));
      if (workDir) rmSync(workDir, { recursive: true, force: true });
    });

    async function invoke(events: unknown[]) {
      const plain = Object.fromEntries(
        Object.entries(environment).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
      );
      const resultFile = join(workDir, 'result.json');
      const driver = join(__dirname, 'support', 'invoke-api-bundle.mjs');
      const child = runFile(process.execPath, [driver, join(workDir, 'index.mjs'), resultFile], {
        cwd: workDir,
        timeout: 60_000,
        env: {
          PATH: process.env.PATH,
          ...plain,
          // In the template TABLE_NAME is a reference to the table; no request here reaches DynamoDB.
          TABLE_NAME: 'shouhu-bundle-check',
          WECHAT_APP_ID: plain.WECHAT_APP_ID || 'wx0000000000000000',
          AWS_REGION: 'ap-east-1',
          AWS_ACCESS_KEY_ID: 'bundle-check',
          AWS_SECRET_ACCESS_KEY: 'bundle-check',
          AWS_ENDPOINT_URL_SSM: ssm.url,
        },
      });
      child.child.stdin?.end(JSON.stringify(events));
      const { stdout } = await child;
      lastLogs = stdout;
      return JSON.parse(readFileSync(resultFile, 'utf8')) as InvocationOutput;
    }

    it('loads as ESM, reads both SecureString parameters by name and serves the OpenAPI document', async () => {
      const output = await invoke([buildHttpApiEvent('GET', '/api/v1/openapi.json', 'bundle-check-1')]);
      const [response] = output.results;

      expect(output.handlerType).toBe('function');
      expect(response.statusCode).toBe(200);
      expect(JSON.parse(response.body)).toMatchObject({ openapi: '3.0.3' });
      expect(ssm.requests).toHaveLength(1);
      expect(ssm.requests[0].target).toBe('AmazonSSM.GetParameters');
      expect(ssm.requests[0].body.WithDecryption).toBe(true);
      expect(ssm.requests[0].body.Names.sort()).toEqual(
        [environment.SESSION_SECRET_PARAMETER, environment.WECHAT_APP_SECRET_PARAMETER].sort(),
      );
      expect(lastLogs).toContain('/api/v1/openapi.json');
      expect(lastLogs).not.toContain('stub-value-');
    });

    it('answers 404 for the dev login route', async () => {
      const output = await invoke([buildHttpApiEvent('POST', '/api/v1/auth/dev', 'bundle-check-2')]);

      expect(output.results[0].statusCode).toBe(404);
    });
  });
});

function readBundleSources(dir: string): string[] {
  return (JSON.parse(readFileSync(join(dir, 'index.mjs.map'), 'utf8')) as { sources: string[] }).sources;
}
