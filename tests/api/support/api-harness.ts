import type { Socket } from 'node:net';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { createApp, sessionTokensFor, type AppDeps } from '../../../functions/src/api/app.js';
import type { ConnectionBindings } from '../../../functions/src/api/context.js';
import { createLogger } from '../../../functions/src/api/logger.js';
import { apiDepsOf } from '../../../functions/src/compose/api.js';
import { createRuntime } from '../../../functions/src/compose/runtime.js';
import type { DomainEvent } from '../../../functions/src/events/domain-events.js';
import { fireDueDeadlines } from '../../../functions/src/events/local-deadline-poller.js';

import { createTestTable, type TestTable } from '../../support/dynamodb.js';
import { eventRelayOf } from '../../support/relay-events.js';
import { seedArea, SEEDED_AT, users, type SeededUser } from './seed-area.js';

export const TEST_SESSION_SECRET = 'api-test-session-secret-0123456789abcdef';

export interface ApiResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON when the answer is JSON, else the text. */
  body: any;
  text: string;
}

export interface CallOptions {
  as?: SeededUser;
  token?: string;
  json?: unknown;
  body?: BodyInit;
  headers?: Record<string, string>;
  /** The peer's address as `@hono/node-server` would give it; none by default, as `app.request()` has no socket. */
  remoteAddress?: string;
}

/**
 * The API built by the composition root and `createApp` alone (no dev login) over a fresh table on DynamoDB Local,
 * seeded with the small area, and called in process with `app.request()`. The clock can be moved; log lines are
 * kept for inspection. `overrides` change what the API is given (not what the use cases were built with).
 */
export async function startApiHarness(overrides: Partial<AppDeps> = {}) {
  const table = await createTestTable('api');
  await seedArea(table.repositories);
  let now = new Date(SEEDED_AT);
  const logLines: string[] = [];
  // The same composition root as the Lambda and the local server, over the test's table and a clock it can move.
  const runtime = createRuntime({ tableName: table.tableName, client: table.client, clock: () => now });
  const deps: AppDeps = {
    ...apiDepsOf(runtime, {
      sessionSecret: TEST_SESSION_SECRET,
      wechat: { appId: 'wx-test', appSecret: 'test-app-secret', baseUrl: 'http://127.0.0.1:9' },
      logger: createLogger({ write: (line) => logLines.push(line) }),
    }),
    ...overrides,
  };
  const app = createApp(deps);
  const tokens = sessionTokensFor(deps);
  const events = eventRelayOf(runtime, (line) => logLines.push(line));

  async function tokenFor(who: SeededUser): Promise<string> {
    return (await tokens.issue(users[who])).token;
  }

  async function call(method: string, path: string, options: CallOptions = {}): Promise<ApiResponse> {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token ?? (options.as ? await tokenFor(options.as) : undefined);
    if (token) headers.authorization = `Bearer ${token}`;
    let body = options.body;
    if (options.json !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = JSON.stringify(options.json);
    }
    // A streamed body (sent chunked, without Content-Length) needs `duplex: 'half'` in Node's fetch.
    const init: RequestInit & { duplex?: 'half' } = { method, headers, body };
    if (body instanceof ReadableStream) init.duplex = 'half';
    const res = await app.request(path, init, connectionFrom(options.remoteAddress));
    const text = await res.text();
    let parsed: unknown = text;
    if (/json/.test(res.headers.get('content-type') ?? '')) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed, text };
  }

  return {
    app,
    deps,
    runtime,
    table,
    logLines,
    tokenFor,
    call,
    setNow: (iso: string) => void (now = new Date(iso)),
    advanceSeconds: (seconds: number) => void (now = new Date(now.getTime() + seconds * 1000)),
    advanceHours: (hours: number) => void (now = new Date(now.getTime() + hours * 3_600_000)),
    snapshot: () => snapshotTable(table),
    /** Relays every pending event to its consumers (the local server's relay does this moments after a write). */
    drainEvents: events.drain,
    /**
     * Fires the timers due at the harness's clock into the outbox, as `npm start`'s poller does each second; their
     * DeadlineReached events reach the consumers with the next `drainEvents()`. Resolves with the deadline ids fired.
     */
    fireDueDeadlines: () => fireDueDeadlines({ deadlines: runtime.repositories.deadlines, clock: runtime.clock }),
    /** Hands events to the consumers once more, as EventBridge may (it delivers at least once). */
    deliverAgain: async (again: DomainEvent[]) => void (await events.bus.publish(again)),
    /** What `act` wrote to the table (rate-limit counters aside). */
    async writesOf(act: () => Promise<unknown>) {
      const before = await snapshotTable(table);
      await act();
      return diffSnapshots(before, await snapshotTable(table));
    },
  };
}

export type ApiHarness = Awaited<ReturnType<typeof startApiHarness>>;

/** What the local server passes the app for a connection from `remoteAddress`. */
export function connectionFrom(remoteAddress: string | undefined): ConnectionBindings {
  return remoteAddress === undefined ? {} : { incoming: { socket: { remoteAddress } as Socket } };
}

/**
 * Every item of the table except the login rate-limit counters, as sorted JSON lines: comparing two snapshots
 * shows exactly what a request wrote.
 */
export async function snapshotTable(table: TestTable): Promise<string[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await table.client.send(new ScanCommand({ TableName: table.tableName, ExclusiveStartKey: start, ConsistentRead: true }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items
    .filter((item) => item.entity !== 'rateLimitWindow')
    .map((item) => JSON.stringify(sortKeys(item)))
    .sort();
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, sortKeys(v)]));
}

/** Items in `after` that were not in `before`, parsed; and whether anything of `before` disappeared or changed. */
export function diffSnapshots(before: string[], after: string[]) {
  const old = new Set(before);
  const current = new Set(after);
  return {
    added: after.filter((line) => !old.has(line)).map((line) => JSON.parse(line) as Record<string, unknown>),
    removedOrChanged: before.filter((line) => !current.has(line)),
  };
}
