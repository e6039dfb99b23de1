import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_PATHS } from '../../infra/lib/repo-paths.js';
import { synthesizeShouhu, type SynthesizedShouhu } from './support/synthesize-shouhu.js';

const runFile = promisify(execFile);

/**
 * The relay and consumer bundles as deployed: each an ES module that leaves the AWS SDK to the runtime and starts
 * with the environment the stack gives it. The events sent need no AWS call (an empty stream batch, an event the
 * consumer refuses before reading anything), so no endpoint is reached.
 */
describe('the bundled event functions', () => {
  let synthesized: SynthesizedShouhu;
  let workDir: string;

  beforeAll(() => {
    synthesized = synthesizeShouhu({ cloudFormationValidation: false });
    workDir = mkdtempSync(join(tmpdir(), 'shouhu-event-bundles-'));
  });
  afterAll(() => {
    synthesized?.cleanUp();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  /** The relay is the one function the table's stream feeds (the API and the consumers know the bus too); a consumer has a name. */
  function bundleOf(kind: 'relay' | 'consumer') {
    const functions = synthesized.template.findResources('AWS::Lambda::Function');
    const [streamMapping] = Object.values(synthesized.template.findResources('AWS::Lambda::EventSourceMapping'));
    const fn =
      kind === 'relay'
        ? functions[streamMapping.Properties.FunctionName.Ref]
        : Object.values(functions).find((f) => f.Properties.Environment?.Variables?.CONSUMER_NAME !== undefined)!;
    const dir = join(synthesized.assembly.directory, `asset.${String(fn.Properties.Code.S3Key).replace(/\.zip$/, '')}`);
    return { dir, environment: fn.Properties.Environment.Variables as Record<string, unknown> };
  }

  async function invoke(bundleDir: string, environment: Record<string, unknown>, events: unknown[]) {
    // A copy beside a link to the repository's node_modules stands in for the runtime's bundled AWS SDK.
    const runDir = join(workDir, `run-${Math.random()}`);
    mkdirSync(runDir);
    for (const file of readdirSync(bundleDir)) copyFileSync(join(bundleDir, file), join(runDir, file));
    symlinkSync(join(REPO_PATHS.repoRoot, 'node_modules'), join(runDir, 'node_modules'), 'dir');
    const plain = Object.fromEntries(Object.entries(environment).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    const resultFile = join(runDir, 'result.json');
    const child = runFile(process.execPath, [join(__dirname, 'support', 'invoke-event-bundle.mjs'), join(runDir, 'index.mjs'), resultFile], {
      cwd: runDir,
      timeout: 60_000,
      env: {
        PATH: process.env.PATH,
        ...plain,
        // In the template these are references; nothing here reaches AWS.
        TABLE_NAME: 'shouhu-bundle-check',
        EVENT_BUS_NAME: 'shouhu-bundle-check',
        AWS_REGION: 'ap-east-1',
        AWS_ACCESS_KEY_ID: 'bundle-check',
        AWS_SECRET_ACCESS_KEY: 'bundle-check',
      },
    });
    child.child.stdin?.end(JSON.stringify(events));
    await child;
    return JSON.parse(readFileSync(resultFile, 'utf8')) as { handlerType: string; results: { result?: unknown; error?: string }[] };
  }

  it.each([
    ['the outbox relay', 'relay', 'functions/src/lambda/outbox-relay.ts'],
    ['a consumer', 'consumer', 'functions/src/lambda/event-consumer.ts'],
  ] as const)('%s is one ES module with its source map, built from its entry, without the AWS SDK inside', (_, kind, entry) => {
    const { dir } = bundleOf(kind);
    const sources = (JSON.parse(readFileSync(join(dir, 'index.mjs.map'), 'utf8')) as { sources: string[] }).sources;

    expect(readdirSync(dir).sort()).toEqual(['index.mjs', 'index.mjs.map']);
    expect(sources.some((s) => s.endsWith(entry))).toBe(true);
    expect(sources.filter((s) => s.includes('node_modules/@aws-sdk/'))).toEqual([]);
    expect(sources.filter((s) => /dev-login|\/local\//.test(s))).toEqual([]);
  });

  it('the outbox relay starts and answers an empty stream batch with no failures', async () => {
    const { dir, environment } = bundleOf('relay');

    const output = await invoke(dir, environment, [{ Records: [] }]);

    expect(output).toEqual({ handlerType: 'function', results: [{ result: { batchItemFailures: [] } }] });
  });

  it('a consumer starts and refuses an event that is not one of ours, so it goes to its dead-letter queue', async () => {
    const { dir, environment } = bundleOf('consumer');
    const foreign = { id: 'eb-1', source: 'aws.events', 'detail-type': 'Scheduled Event', detail: {} };

    const output = await invoke(dir, environment, [foreign]);

    expect(output).toEqual({ handlerType: 'function', results: [{ error: 'InvalidEventError' }] });
  });
});
