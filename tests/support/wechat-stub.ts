import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A local stand-in for WeChat's code2Session (`GET /sns/jscode2session`), a real HTTP server on a free port that
 * answers as the documentation says: HTTP 200 with `openid`/`session_key`, or HTTP 200 with `errcode`/`errmsg`.
 * Each `js_code` is scripted; an unscripted code gets 40029 like an unknown code does at WeChat.
 */
export type StubAnswer =
  | { kind: 'session'; openId: string; unionId?: string }
  | { kind: 'error'; errcode: number; errmsg: string }
  | { kind: 'http'; status: number; body: string };

export const stubErrors = {
  invalidCode: { kind: 'error', errcode: 40029, errmsg: 'invalid code, rid: stub' },
  rateLimited: { kind: 'error', errcode: 45011, errmsg: 'api minute-quota reach limit, rid: stub' },
  highRiskUser: { kind: 'error', errcode: 40226, errmsg: 'high risk user, rid: stub' },
  serverError: { kind: 'http', status: 500, body: 'Internal Server Error' },
} as const satisfies Record<string, StubAnswer>;

export interface StubRequest {
  appid: string | null;
  secret: string | null;
  js_code: string | null;
  grant_type: string | null;
}

export interface WechatStub {
  baseUrl: string;
  appId: string;
  appSecret: string;
  /** Every call received, in order, as WeChat would see its query. */
  requests: StubRequest[];
  /** The session_key each successful answer carried, to check it never reaches a client or a log. */
  issuedSessionKeys: string[];
  script(code: string, answer: StubAnswer): void;
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string, contentType = 'application/json'): void {
  res.writeHead(status, { 'Content-Type': contentType });
  res.end(body);
}

export async function startWechatStub(appId = 'wx-stub-app', appSecret = 'stub-app-secret-0123456789'): Promise<WechatStub> {
  const answers = new Map<string, StubAnswer>();
  const requests: StubRequest[] = [];
  const issuedSessionKeys: string[] = [];

  const handle = (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    if (req.method !== 'GET' || url.pathname !== '/sns/jscode2session') return send(res, 404, 'not found', 'text/plain');
    const query: StubRequest = {
      appid: url.searchParams.get('appid'),
      secret: url.searchParams.get('secret'),
      js_code: url.searchParams.get('js_code'),
      grant_type: url.searchParams.get('grant_type'),
    };
    requests.push(query);
    if (query.appid !== appId || query.secret !== appSecret) {
      return send(res, 200, JSON.stringify({ errcode: 40125, errmsg: 'invalid appsecret, rid: stub' }));
    }
    const answer = answers.get(query.js_code ?? '') ?? stubErrors.invalidCode;
    switch (answer.kind) {
      case 'session': {
        const sessionKey = `stub-session-key-${issuedSessionKeys.length}-${Math.random().toString(36).slice(2)}`;
        issuedSessionKeys.push(sessionKey);
        const body = { openid: answer.openId, session_key: sessionKey, ...(answer.unionId ? { unionid: answer.unionId } : {}) };
        // WeChat has been seen to label this JSON text/plain; the client must not depend on the header.
        return send(res, 200, JSON.stringify(body), 'text/plain');
      }
      case 'error':
        return send(res, 200, JSON.stringify({ errcode: answer.errcode, errmsg: answer.errmsg }));
      case 'http':
        return send(res, answer.status, answer.body, 'text/plain');
    }
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    appId,
    appSecret,
    requests,
    issuedSessionKeys,
    script: (code, answer) => void answers.set(code, answer),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
