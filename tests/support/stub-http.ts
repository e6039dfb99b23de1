import type { IncomingMessage, ServerResponse } from 'node:http';

/** What the local stand-ins of WeChat's APIs share: answering JSON with HTTP 200, as WeChat does even for errors. */
export function reply(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify(body));
}

/** A request's JSON body; an empty body (a GET) is an empty object. */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  return text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
}
