import { execFileSync } from 'node:child_process';
import { rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
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

async function countChildrenSeenBy(url: string, userId: string): Promise<number> {
  const login = await fetch(new URL('api/v1/auth/dev', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  const { token } = (await login.json()) as { token: string };
  const list = await fetch(new URL('api/v1/children?limit=100', url), { headers: { authorization: `Bearer ${token}` } });
  return ((await list.json()) as { items: unknown[] }).items.length;
}

// The H5 build is covered by the browser project; here the server starts without it to stay quick.
const noBuild = { SHOUHU_SKIP_H5_BUILD: '1' };

// Each start spawns npm, tsx and Java; on a busy 2-core machine that takes tens of seconds.
const START_TIMEOUT_MS = 180_000;

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
    expect(first.output()).toContain('收到 SIGINT');
    expect(javaProcessesUsing(dataDir)).toEqual([]);

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
