import { execFileSync } from 'node:child_process';
import { readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { beginRequest, hammerWithKeepAlive, type Outcome } from '../support/keep-alive-client.js';
import {
  findFreePort,
  makeDataDir,
  runShouhuExpectingFailure,
  startShouhu,
  type StartedShouhu,
} from '../support/start-shouhu.js';

/** Java processes whose command line names this data folder: DynamoDB Local started by that `npm start`. */
function javaProcessesUsing(dataDir: string): string[] {
  try {
    return execFileSync('pgrep', ['-f', `java.*${dataDir}`], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  } catch {
    return []; // pgrep exits 1 when nothing matches
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function parentOf(pid: number): number {
  return Number(execFileSync('ps', ['-o', 'ppid=', '-p', String(pid)], { encoding: 'utf8' }).trim());
}

function commandLineOf(pid: number): string {
  return execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).trim();
}

async function logInAs(url: string, userId: string): Promise<string> {
  const login = await fetch(new URL('api/v1/auth/dev', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  return ((await login.json()) as { token: string }).token;
}

async function countChildrenSeenBy(url: string, userId: string): Promise<number> {
  const token = await logInAs(url, userId);
  const list = await fetch(new URL('api/v1/children?limit=100', url), { headers: { authorization: `Bearer ${token}` } });
  return ((await list.json()) as { items: unknown[] }).items.length;
}

// The H5 build is covered by the browser project; here the server starts without it to stay quick.
const noBuild = { SHOUHU_SKIP_H5_BUILD: '1' };

// Each start spawns npm, tsx and Java; on a busy 2-core machine that takes tens of seconds.
const START_TIMEOUT_MS = 180_000;

/** One connection's outcomes in short: `200`, `503`, `refused`, `closed` (a kept-alive connection cut as it was used). */
function summarize(outcomes: Outcome[]): string[] {
  return outcomes.map((outcome) => (outcome.kind === 'response' ? String(outcome.status) : outcome.kind));
}

describe('npm start on one machine', () => {
  const dataDirs: string[] = [];
  const running: StartedShouhu[] = [];
  const start = async (options: Parameters<typeof startShouhu>[0]) => {
    const started = await startShouhu(options);
    running.push(started);
    return started;
  };
  afterAll(async () => {
    // A failed assertion must not leave servers (and their Java) behind.
    for (const server of running) if (server.isRunning()) await server.stop();
    for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
  });

  it('seeds the demo area once, survives a restart without duplicates, and stopping leaves no Java process', async () => {
    const dataDir = await makeDataDir();
    dataDirs.push(dataDir);
    const port = await findFreePort();

    const first = await start({ port, dataDir, env: noBuild });
    expect(first.output()).toMatch(/演示数据：新建 \d+ 条，已存在 0 条/);
    expect(javaProcessesUsing(dataDir).length).toBeGreaterThan(0);
    const villageCount = await countChildrenSeenBy(first.url, 'demo-director-jinglingqiao');
    const townCount = await countChildrenSeenBy(first.url, 'demo-supervisor-yexie');
    // npm ends itself with the signal, as it does on a terminal's Ctrl-C; the server underneath shut down cleanly.
    expect(await first.stop()).toBe('SIGINT');
    // npm exits at once; the server underneath may still be finishing a relay pass (the seed's events at a first
    // start), so its own words and Java's end come moments later.
    await expect.poll(() => first.output(), { timeout: 30_000 }).toContain('收到 SIGINT');
    await expect.poll(() => javaProcessesUsing(dataDir), { timeout: 30_000 }).toEqual([]);

    const second = await start({ port, dataDir, env: noBuild });
    expect(second.output()).toMatch(/演示数据：新建 0 条/);
    expect(await countChildrenSeenBy(second.url, 'demo-director-jinglingqiao')).toBe(villageCount);
    expect(await countChildrenSeenBy(second.url, 'demo-supervisor-yexie')).toBe(townCount);
    expect(villageCount).toBe(10);
    expect(townCount).toBe(20);
    // Stopped by a service manager rather than a terminal: only the script is signalled, and it stops Java itself.
    expect(await second.terminate()).toBe(0);
    expect(javaProcessesUsing(dataDir)).toEqual([]);
  }, START_TIMEOUT_MS);

  it('stopping under keep-alive load answers 200, then 503 or a refused connection, never 500; Java stops last', async () => {
    // Prepare: a supervisor's list (a DynamoDB query per request) asked for without pause on four kept-alive
    // connections, and one more connection whose request has begun but not ended when the signal comes.
    const dataDir = await makeDataDir();
    dataDirs.push(dataDir);
    const server = await start({ port: await findFreePort(), dataDir, env: noBuild });
    const auth = { authorization: `Bearer ${await logInAs(server.url, 'demo-supervisor-yexie')}` };
    const listUrl = new URL('api/v1/children?limit=5', server.url);
    const lateRequest = await beginRequest(listUrl, auth);
    const client = hammerWithKeepAlive(listUrl, { connections: 4, headers: auth });
    await expect.poll(() => client.outcomes().flat().length, { timeout: 30_000 }).toBeGreaterThan(100);

    // Act: SIGTERM to the whole process group, as a supervisor stopping the job (or a terminal) sends it.
    const exit = server.stop('SIGTERM');
    await expect.poll(() => server.output(), { timeout: 10_000 }).toContain('收到 SIGTERM');
    const lateAnswer = await lateRequest.finish();
    // A server that never closes its kept-alive connections would keep answering; the client gives up after a while.
    const giveUp = setTimeout(() => client.halt(), 20_000);
    const perConnection = (await client.finished).map(summarize);
    clearTimeout(giveUp);
    const exitCode = await exit;

    // Assess
    for (const outcomes of perConnection) {
      expect(outcomes.join(' ')).toMatch(/^(200 )+((503|closed) )*refused$/);
    }
    expect(lateAnswer).toMatch(/^HTTP\/1\.1 503 /);
    expect(lateAnswer).toMatch(/^retry-after: \d+\r$/im);
    expect(lateAnswer).toMatch(/^connection: close\r$/im);
    expect(lateAnswer).toMatch(/^content-type: application\/problem\+json\r$/im);
    expect(JSON.parse(lateAnswer.slice(lateAnswer.indexOf('\r\n\r\n') + 4))).toMatchObject({ status: 503 });
    expect(exitCode).toBe('SIGTERM');
    // npm leaves on SIGTERM without waiting for its script; the server underneath goes on to drain and stop Java.
    await expect.poll(() => server.output(), { timeout: 30_000 }).toContain('已停止');
    expect(server.output()).not.toMatch(/\n\s+at /);
    expect(javaProcessesUsing(dataDir)).toEqual([]);
  }, START_TIMEOUT_MS);

  it('a kill -9 of the node server leaves no Java process behind', async () => {
    // Prepare
    const dataDir = await makeDataDir();
    dataDirs.push(dataDir);
    const server = await start({ port: await findFreePort(), dataDir, env: noBuild });
    const [javaPid] = javaProcessesUsing(dataDir).map(Number);
    const nodePid = parentOf(javaPid);
    expect(commandLineOf(nodePid)).toContain('scripts/start.ts');

    // Act
    process.kill(nodePid, 'SIGKILL');

    // Assess
    await expect.poll(() => isRunning(javaPid), { timeout: 10_000 }).toBe(false);
    await server.exited;
  }, START_TIMEOUT_MS);

  it('keeps request logs out of the terminal, in a file under the data folder, and no English SDK warning', async () => {
    // Prepare
    const dataDir = await makeDataDir();
    dataDirs.push(dataDir);
    const server = await start({ port: await findFreePort(), dataDir, env: noBuild });

    // Act
    await countChildrenSeenBy(server.url, 'demo-director-jinglingqiao');
    await fetch(new URL('api/v1/me', server.url));
    await server.stop();

    // Assess
    const logFile = join(dataDir, 'logs', 'server.log');
    expect(server.output()).toContain(logFile);
    expect(server.output()).not.toMatch(/^\s*\{/m);
    expect(server.output()).not.toMatch(/NodeVersionSupportWarning|AWS SDK for JavaScript|Warning:/);
    // npm exits before the server underneath has finished stopping (and writing its last lines).
    await expect.poll(async () => (await readFile(logFile, 'utf8')).includes('"path":"/api/v1/me"'), { timeout: 30_000 }).toBe(true);
    const logged = (await readFile(logFile, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { message: string; method: string; path: string; status: number });
    expect(logged).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ message: 'request', method: 'POST', path: '/api/v1/auth/dev', status: 200 }),
        expect.objectContaining({ message: 'request', method: 'GET', path: '/api/v1/children', status: 200 }),
        expect.objectContaining({ message: 'request', method: 'GET', path: '/api/v1/me', status: 401 }),
      ]),
    );
  }, START_TIMEOUT_MS);

  it('a taken port gets one sentence saying what to do', async () => {
    const dataDir = await makeDataDir();
    dataDirs.push(dataDir);
    const port = await findFreePort();
    const holder = await start({ port, dataDir, env: noBuild });
    try {
      const second = await runShouhuExpectingFailure({ ...noBuild, PORT: String(port), SHOUHU_DATA_DIR: await makeDataDir() });
      expect(second.code).toBe(1);
      expect(second.output).toContain(`端口 ${port} 已被占用`);
      expect(second.output).not.toMatch(/\n\s+at /); // no stack trace
    } finally {
      await holder.stop();
    }
  }, START_TIMEOUT_MS);

  it('an unwritable data folder gets one sentence saying what to do', async () => {
    const blocker = join(await makeDataDir(), 'a-file');
    dataDirs.push(blocker);
    await writeFile(blocker, 'not a folder');
    const result = await runShouhuExpectingFailure({ ...noBuild, PORT: String(await findFreePort()), SHOUHU_DATA_DIR: join(blocker, 'data') });
    expect(result.code).toBe(1);
    expect(result.output).toContain('无法写入');
    expect(result.output).not.toMatch(/\n\s+at /);
  }, START_TIMEOUT_MS);

  it('a missing Java gets one sentence saying what to do', async () => {
    // A PATH with node and npm but no java: a machine where Java was never installed.
    const binDir = await makeDataDir();
    dataDirs.push(binDir);
    for (const tool of ['node', 'npm', 'sh']) await symlink(execFileSync('which', [tool], { encoding: 'utf8' }).trim(), join(binDir, tool));
    const result = await runShouhuExpectingFailure({
      ...noBuild,
      PORT: String(await findFreePort()),
      SHOUHU_DATA_DIR: await makeDataDir(),
      PATH: binDir,
    });
    expect(result.code).toBe(1);
    expect(result.output).toMatch(/Java/);
    expect(result.output).not.toMatch(/\n\s+at /);
  }, START_TIMEOUT_MS);
});
