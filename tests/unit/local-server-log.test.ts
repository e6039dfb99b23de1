import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openServerLog } from '../../functions/src/local/server-log.js';

let dataDir: string;

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'shouhu-log-'));
});

afterEach(async () => {
  vi.restoreAllMocks();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the request log of npm start', () => {
  it('writes JSON lines to logs/server.log and tells the terminal only that an error happened, once per burst', async () => {
    // Prepare
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const stderr = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const log = await openServerLog({ dataDir, toTerminal: false });

    // Act
    log.logger.info('request', { method: 'GET', path: '/api/v1/me', status: 401 });
    log.logger.error('unhandled error', { path: '/api/v1/children' });
    log.logger.error('unhandled error', { path: '/api/v1/children' });
    await log.close();

    // Assess
    expect(log.file).toBe(join(dataDir, 'logs', 'server.log'));
    const lines = (await readFile(join(dataDir, 'logs', 'server.log'), 'utf8')).trim().split('\n').map((line) => JSON.parse(line));
    expect(lines).toMatchObject([
      { level: 'info', message: 'request', path: '/api/v1/me', status: 401 },
      { level: 'error', message: 'unhandled error' },
      { level: 'error', message: 'unhandled error' },
    ]);
    expect(stdout).not.toHaveBeenCalled();
    expect(stderr.mock.calls).toEqual([[`服务器出错，详情见 ${log.file}`]]);
  });

  it('prints the JSON lines in the terminal instead when asked to, and names no file', async () => {
    const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const log = await openServerLog({ dataDir, toTerminal: true });

    log.logger.info('request', { method: 'GET', path: '/api/v1/me', status: 401 });

    expect(log.file).toBeNull();
    expect(JSON.parse(String(stdout.mock.calls[0][0]))).toMatchObject({ message: 'request', status: 401 });
  });
});
