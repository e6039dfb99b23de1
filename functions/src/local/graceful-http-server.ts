import type { Server, ServerResponse } from 'node:http';
import { serve, type Http2Bindings, type HttpBindings } from '@hono/node-server';
import { buildProblem, PROBLEM_CONTENT_TYPE, type ProblemKind } from '../api/problem.js';

export type FetchHandler = (request: Request, env: HttpBindings | Http2Bindings) => Response | Promise<Response>;

export interface GracefulHttpServerOptions {
  port: number;
  hostname: string;
  /** How long requests in flight may take to finish once stopping began; then their connections are cut. */
  drainTimeoutMs?: number;
}

export interface GracefulHttpServer {
  /**
   * Refuses new connections, closes idle kept-alive ones, lets requests in flight finish (up to the drain
   * timeout) and resolves once no connection is left, so that the database behind it can be stopped after.
   */
  close(): Promise<void>;
}

const DEFAULT_DRAIN_TIMEOUT_MS = 10_000;
const RETRY_AFTER_SECONDS = 10;
const shuttingDown: ProblemKind = { status: 503, slug: 'shutting-down', title: '服务正在停止' };

/**
 * The one-machine server, stopped in order. While it stops, a request that still arrives on an open kept-alive
 * connection gets a 503 problem with `Retry-After` and `Connection: close` instead of reaching a database that is
 * about to go, and every response tells its client not to reuse the connection.
 */
export async function listenGracefully(fetch: FetchHandler, options: GracefulHttpServerOptions): Promise<GracefulHttpServer> {
  let stopping = false;
  const server = serve({
    fetch: (request: Request, env: HttpBindings | Http2Bindings) => (stopping ? respondShuttingDown() : fetch(request, env)),
    port: options.port,
    hostname: options.hostname,
  }) as Server;
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));

  const inFlight = new Set<ServerResponse>();
  server.on('request', (_request, response: ServerResponse) => {
    inFlight.add(response);
    response.once('close', () => {
      inFlight.delete(response);
      // The connection this response leaves idle would otherwise stay open until the keep-alive timeout.
      if (stopping) setImmediate(() => server.closeIdleConnections());
    });
  });

  let closed: Promise<void> | null = null;
  return {
    close: () => {
      closed ??= new Promise<void>((resolve) => {
        stopping = true;
        for (const response of inFlight) if (!response.headersSent) response.setHeader('Connection', 'close');
        const cutOff = setTimeout(() => server.closeAllConnections(), options.drainTimeoutMs ?? DEFAULT_DRAIN_TIMEOUT_MS);
        server.close(() => {
          clearTimeout(cutOff);
          resolve();
        });
        server.closeIdleConnections();
      });
      return closed;
    },
  };
}

function respondShuttingDown(): Response {
  const problem = buildProblem(shuttingDown, `服务正在停止，请 ${RETRY_AFTER_SECONDS} 秒后重试`);
  return new Response(JSON.stringify(problem), {
    status: shuttingDown.status,
    headers: {
      'Content-Type': PROBLEM_CONTENT_TYPE,
      'Retry-After': String(RETRY_AFTER_SECONDS),
      'Cache-Control': 'no-store',
      Connection: 'close',
    },
  });
}
