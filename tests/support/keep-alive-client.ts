import { Agent, request } from 'node:http';
import { connect, type Socket } from 'node:net';

/** What one request ended with: an HTTP answer, or the connection-level reason it got none. */
export type Outcome =
  | { kind: 'response'; status: number; headers: Record<string, string | string[] | undefined>; body: string }
  | { kind: 'refused' }
  | { kind: 'closed'; code: string }
  | { kind: 'error'; message: string };

function send(url: URL, agent: Agent, headers: Record<string, string>): Promise<Outcome> {
  return new Promise((resolve) => {
    const req = request(url, { agent, headers }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => (body += chunk));
      response.on('end', () => resolve({ kind: 'response', status: response.statusCode ?? 0, headers: response.headers, body }));
      response.on('error', (error) => resolve({ kind: 'error', message: String(error) }));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'ECONNREFUSED') resolve({ kind: 'refused' });
      // A kept-alive connection the server closed as the request went out: the client sees a reset or a hang-up.
      else if (error.code === 'ECONNRESET' || error.code === 'EPIPE') resolve({ kind: 'closed', code: error.code });
      else resolve({ kind: 'error', message: String(error) });
    });
    req.end();
  });
}

export interface KeepAliveHammer {
  /** Outcomes so far, one list per connection, in the order each connection saw them. */
  outcomes(): Outcome[][];
  /** Resolves once every connection has been refused (the server stopped listening) or `halt()` was called. */
  finished: Promise<Outcome[][]>;
  halt(): void;
}

/**
 * A client that sends request after request, each on its own kept-alive connection, as fast as answers come: the
 * load under which a server is stopped. Each loop ends when a new connection is refused.
 */
export function hammerWithKeepAlive(url: URL, options: { connections: number; headers?: Record<string, string> }): KeepAliveHammer {
  let halted = false;
  const results: Outcome[][] = [];
  const loops = Array.from({ length: options.connections }, async (_, index) => {
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const mine: Outcome[] = [];
    results[index] = mine;
    while (!halted) {
      const outcome = await send(url, agent, options.headers ?? {});
      mine.push(outcome);
      if (outcome.kind === 'refused' || outcome.kind === 'error') break;
    }
    agent.destroy();
  });
  return {
    outcomes: () => results,
    finished: Promise.all(loops).then(() => results),
    halt: () => {
      halted = true;
    },
  };
}

/**
 * A connection on which a request has begun but not ended: the server counts it as busy, not idle, so it stays
 * open while the server stops. `finish()` sends the rest and resolves with the raw answer, once its body is complete.
 */
export async function beginRequest(url: URL, headers: Record<string, string>): Promise<{ finish(): Promise<string> }> {
  const socket: Socket = connect(Number(url.port), url.hostname);
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('error', reject);
  });
  const headerLines = Object.entries({ Host: url.host, ...headers }).map(([name, value]) => `${name}: ${value}\r\n`);
  socket.write(`GET ${url.pathname}${url.search} HTTP/1.1\r\n${headerLines.join('')}`);
  return {
    finish: () =>
      new Promise<string>((resolve, reject) => {
        let received = Buffer.alloc(0);
        const done = () => {
          socket.destroy();
          resolve(received.toString('utf8'));
        };
        socket.on('data', (chunk: Buffer) => {
          received = Buffer.concat([received, chunk]);
          const headEnd = received.indexOf('\r\n\r\n');
          const length = /^content-length: (\d+)\r$/im.exec(received.subarray(0, headEnd).toString('latin1'))?.[1];
          // A kept-alive answer does not end its connection: it is complete when its body is.
          if (headEnd >= 0 && length !== undefined && received.length >= headEnd + 4 + Number(length)) done();
        });
        socket.once('end', done);
        socket.once('error', reject);
        socket.write('\r\n');
      }),
  };
}
