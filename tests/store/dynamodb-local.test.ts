import { chmod, mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDocumentClient } from '../../functions/src/store/client.js';
import { ensureTable } from '../../functions/src/store/create-table.js';
import {
  DataDirNotWritableError,
  JavaMissingError,
  JavaTooOldError,
  PortInUseError,
} from '../../functions/src/store/dynamodb-local-errors.js';
import { startDynamoDbLocal } from '../../functions/src/store/dynamodb-local.js';
import { createRepositories } from '../../functions/src/store/repositories.js';

let scratch: string;

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'shouhu-dynamodb-local-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Runs `act` with PATH replaced, so the `java` that the starter finds is the one the test chose (or none). */
async function withPath<T>(path: string, act: () => Promise<T>): Promise<T> {
  const original = process.env.PATH;
  process.env.PATH = path;
  try {
    return await act();
  } finally {
    process.env.PATH = original;
  }
}

describe('DynamoDB Local lifecycle', () => {
  it('keeps data in its data folder across a restart, and stop() leaves no Java process behind', async () => {
    // Prepare
    const dataDir = join(scratch, 'persisted');
    const exitListeners = process.listenerCount('exit');
    const first = await startDynamoDbLocal({ dataDir });
    const firstClient = createDocumentClient({ endpoint: first.endpoint });
    await ensureTable(firstClient, 'shouhu');
    await createRepositories(firstClient, 'shouhu').regions.create({ id: 'c1', level: 'city', name: '上海市', parentId: null });
    firstClient.destroy();

    // Act
    await first.stop();
    const second = await startDynamoDbLocal({ dataDir });
    const secondClient = createDocumentClient({ endpoint: second.endpoint });
    const region = await createRepositories(secondClient, 'shouhu').regions.get('c1');
    secondClient.destroy();
    await second.stop();

    // Assess
    expect(region).toEqual({ id: 'c1', level: 'city', name: '上海市', parentId: null });
    expect(await readdir(dataDir)).toContain('shared-local-instance.db');
    expect(isRunning(first.pid)).toBe(false);
    expect(isRunning(second.pid)).toBe(false);
    expect(process.listenerCount('exit')).toBe(exitListeners);
    // Two starts of Java and a table: seconds on an idle machine, much more while other suites load both cores.
  }, 120_000);

  it('refuses a port that is taken with PortInUseError, in one sentence saying what to do', async () => {
    // Prepare
    const blocker: Server = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, resolve));
    const port = (blocker.address() as { port: number }).port;

    // Act
    const attempt = startDynamoDbLocal({ port });

    // Assess
    try {
      await expect(attempt).rejects.toBeInstanceOf(PortInUseError);
      await expect(attempt).rejects.toThrow(`端口 ${port} 已被占用`);
      await expect(attempt).rejects.toThrow(`Port ${port} is already in use: stop the program that uses it or choose another port.`);
    } finally {
      blocker.close();
    }
  });

  it('refuses a data folder it cannot write with DataDirNotWritableError', async () => {
    // Prepare: a folder "inside" a regular file cannot be created, even by root (a chmod would not stop root).
    const file = join(scratch, 'a-file');
    await writeFile(file, '');
    const dataDir = join(file, 'dynamodb');

    // Act
    const attempt = startDynamoDbLocal({ dataDir });

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(DataDirNotWritableError);
    await expect(attempt).rejects.toThrow(`The data directory ${dataDir} is not writable`);
  });

  it('says that Java is missing when there is no java on PATH', async () => {
    // Prepare
    const emptyBin = join(scratch, 'no-java');
    await mkdir(emptyBin);

    // Act
    const attempt = withPath(emptyBin, () => startDynamoDbLocal());

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(JavaMissingError);
    await expect(attempt).rejects.toThrow('install Java 17 or newer');
  });

  it('says that Java is too old when java -version reports 11', async () => {
    // Prepare: a `java` that answers like OpenJDK 11.
    const oldBin = join(scratch, 'old-java');
    await mkdir(oldBin);
    const fakeJava = join(oldBin, 'java');
    await writeFile(fakeJava, '#!/bin/sh\necho \'openjdk version "11.0.2" 2019-01-15\' >&2\n');
    await chmod(fakeJava, 0o755);

    // Act
    const attempt = withPath(`${oldBin}:${process.env.PATH}`, () => startDynamoDbLocal());

    // Assess
    await expect(attempt).rejects.toBeInstanceOf(JavaTooOldError);
    await expect(attempt).rejects.toThrow('Java 11.0.2 is too old: DynamoDB Local needs Java 17 or newer');
  });
});
