import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { findFreePort, makeDataDir, runShouhuExpectingFailure, startShouhu, type StartedShouhu } from '../support/start-shouhu.js';

const noBuild = { SHOUHU_SKIP_H5_BUILD: '1' };
// Each start spawns npm, tsx and Java; on a busy 2-core machine that takes tens of seconds.
const START_TIMEOUT_MS = 180_000;

async function devLoginStatus(url: string, forwardedFor: string): Promise<number> {
  const res = await fetch(new URL('api/v1/auth/dev', url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
    body: JSON.stringify({ userId: 'not-a-demo-user' }),
  });
  return res.status;
}

describe('npm start behind a reverse proxy (SHOUHU_TRUSTED_PROXY_HOPS)', () => {
  const dataDirs: string[] = [];
  let server: StartedShouhu | undefined;
  afterAll(async () => {
    if (server?.isRunning()) await server.stop();
    for (const dir of dataDirs) await rm(dir, { recursive: true, force: true });
  });

  it('counts logins by the address the proxy appended, not by what the client wrote before it', async () => {
    const dataDir = await makeDataDir();
    dataDirs.push(dataDir);
    server = await startShouhu({ port: await findFreePort(), dataDir, env: { ...noBuild, SHOUHU_TRUSTED_PROXY_HOPS: '1' } });

    const statuses: number[] = [];
    for (let n = 1; n <= 7; n += 1) statuses.push(await devLoginStatus(server.url, `198.51.100.${n}, 203.0.113.77`));
    const anotherClient = await devLoginStatus(server.url, '198.51.100.1, 203.0.113.78');

    expect(statuses).toEqual([403, 403, 403, 403, 403, 403, 429]);
    expect(anotherClient).toBe(403);
  }, START_TIMEOUT_MS);

  it('a setting that is not a number of proxies gets one sentence naming it', async () => {
    const dataDir = await makeDataDir();
    dataDirs.push(dataDir);

    const result = await runShouhuExpectingFailure({
      ...noBuild,
      PORT: String(await findFreePort()),
      SHOUHU_DATA_DIR: dataDir,
      SHOUHU_TRUSTED_PROXY_HOPS: 'yes',
    });

    expect(result.code).toBe(1);
    expect(result.output).toContain('SHOUHU_TRUSTED_PROXY_HOPS=yes 无效');
    expect(result.output).not.toMatch(/\n\s+at /);
  }, START_TIMEOUT_MS);
});
