import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { access, constants, mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import {
  DataDirNotWritableError,
  JavaMissingError,
  JavaTooOldError,
  MINIMUM_JAVA_VERSION,
} from './dynamodb-local-errors.js';

/**
 * Checks made before spawning Java, because DynamoDB Local itself reports these problems as stack traces (or, for a
 * taken port, not at all until the first request fails).
 */

/** `"17.0.15"` → 17, `"1.8.0_292"` → 8, `"21-ea"` → 21. */
export function parseJavaMajorVersion(versionOutput: string): number | null {
  const quoted = /version "([^"]+)"/.exec(versionOutput)?.[1];
  if (!quoted) return null;
  const parts = quoted.split(/[._+-]/).map((part) => Number.parseInt(part, 10));
  const major = parts[0] === 1 ? parts[1] : parts[0];
  return Number.isFinite(major) ? major : null;
}

export function assertJavaAvailable(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8', timeout: 15_000 });
  if (result.error || result.status !== 0) throw new JavaMissingError();
  // `java -version` writes to stderr; some builds use stdout.
  const output = `${result.stderr}\n${result.stdout}`;
  const major = parseJavaMajorVersion(output);
  if (major === null) throw new JavaMissingError();
  if (major < MINIMUM_JAVA_VERSION) {
    throw new JavaTooOldError(/version "([^"]+)"/.exec(output)?.[1] ?? String(major));
  }
}

/** Resolves when something could bind `port` on all interfaces (as DynamoDB Local does), false when taken. */
export function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
      else reject(error);
    });
    server.listen({ port, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** A port the OS just handed out; the short gap before Java binds it is accepted (tests run on one machine). */
export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Creates the folder if needed and proves it is writable by writing a file: `fs.access` alone says yes to root
 * even on a folder without write bits, and says nothing about a read-only mount.
 */
export async function assertDataDirWritable(dataDir: string): Promise<void> {
  try {
    await mkdir(dataDir, { recursive: true });
    await access(dataDir, constants.W_OK);
    const probe = join(dataDir, `.write-probe-${randomUUID()}`);
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch {
    throw new DataDirNotWritableError(dataDir);
  }
}
