import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const projectRoot = resolve(import.meta.dirname, '..', '..');

export async function findFreePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

export async function makeDataDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'shouhu-data-'));
}

export interface StartedShouhu {
  url: string;
  process: ChildProcess;
  output: () => string;
  /**
   * Sends Ctrl-C (SIGINT to the process group; or another signal to the whole group, as some supervisors do) and
   * resolves with npm's exit code, or the signal that ended it.
   */
  stop: (signal?: 'SIGINT' | 'SIGTERM') => Promise<number | string | null>;
  /** Resolves like `stop`, without sending anything: for a test that ends the server another way. */
  exited: Promise<number | string | null>;
  /** Sends SIGTERM to the server script alone, as a service manager would, and resolves like `stop`. */
  terminate: () => Promise<number | string | null>;
  isRunning: () => boolean;
}

/**
 * Runs the README's `npm start` as a new user would, on a free port and a data folder of the test's own, and
 * resolves once it prints its ready line.
 */
export async function startShouhu(options: {
  port: number;
  dataDir: string;
  env?: Record<string, string>;
  timeoutMs?: number;
}): Promise<StartedShouhu> {
  // Its own process group, like a terminal's foreground job, so that Ctrl-C can be sent the way a terminal sends it.
  const child = spawn('npm', ['start'], {
    cwd: projectRoot,
    env: { ...process.env, PORT: String(options.port), SHOUHU_DATA_DIR: options.dataDir, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | string | null>((done) => child.once('exit', (code, signal) => done(code ?? signal)));

  const url = await new Promise<string>((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`npm start was not ready in time:\n${output}`)), options.timeoutMs ?? 240_000);
    const check = () => {
      const match = /Shouhu ready at (\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        done(match[1]);
      }
    };
    child.stdout!.on('data', check);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(new Error(`npm start exited with ${code}:\n${output}`));
    });
  });

  return {
    url,
    process: child,
    output: () => output,
    isRunning: () => child.exitCode === null && child.signalCode === null,
    stop: async (signal = 'SIGINT') => {
      // Ctrl-C in a terminal signals the whole foreground process group: npm, tsx and node alike.
      process.kill(-child.pid!, signal);
      return exited;
    },
    exited,
    terminate: async () => {
      execFileSync('pkill', ['-TERM', '-g', String(child.pid), '-f', '^node --import tsx scripts/start']);
      return exited;
    },
  };
}

/** Runs `npm start` expecting it to fail early, and returns its exit code and output. */
export async function runShouhuExpectingFailure(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn('npm', ['start'], { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  return { code, output };
}
