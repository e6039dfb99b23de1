import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readJson, reply } from './stub-http.js';

/**
 * A local stand-in for the send APIs the chat-bot calls, a real HTTP server answering as the documentation says
 * (HTTP 200 with errcode/errmsg):
 * - Official Account: `POST /cgi-bin/stable_token`; `POST /cgi-bin/message/custom/send` (customer-service message:
 *   45015 unless the user wrote within 48 hours, 45047 after 5 messages since they last wrote);
 *   `POST /cgi-bin/message/template/send`.
 * - WeCom: `GET /cgi-bin/gettoken?corpid&corpsecret` (40001 for a wrong secret); `POST /cgi-bin/message/send`.
 * An unknown or rotated token answers 40001.
 */
export interface ChatApiStub {
  baseUrl: string;
  appId: string;
  appSecret: string;
  corpId: string;
  corpSecret: string;
  /** Every text WeChat or WeCom accepted, in order. */
  sent: { api: 'custom' | 'template' | 'wecom'; body: Record<string, unknown> }[];
  refused: { api: string; errcode: number }[];
  tokenRequests: number;
  /** The Official Account user wrote now: opens their 48-hour window of 5 customer-service messages. */
  userWrote(openId: string): void;
  rotateTokens(): void;
  close(): Promise<void>;
}



export async function startChatApiStub(): Promise<ChatApiStub> {
  const appId = 'wxoa0123456789abcd';
  const appSecret = 'oa-app-secret-0123456789abcdef';
  const corpId = 'ww0123456789abcdef';
  const corpSecret = 'wecom-app-secret-0123456789abcdef';
  let serial = 0;
  const valid = new Set<string>();
  const windows = new Map<string, { since: number; used: number }>();
  const state = { sent: [] as ChatApiStub['sent'], refused: [] as ChatApiStub['refused'], tokenRequests: 0 };

  const issue = () => {
    serial += 1;
    const token = `chat-token-${serial}`;
    valid.add(token);
    return { access_token: token, expires_in: 7200 };
  };
  const refuse = (res: ServerResponse, api: string, errcode: number) => {
    state.refused.push({ api, errcode });
    reply(res, { errcode, errmsg: `refused by stub, rid: ${errcode}` });
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    readJson(req).then(
      (body) => {
        const token = url.searchParams.get('access_token') ?? '';
        switch (`${req.method} ${url.pathname}`) {
          case 'POST /cgi-bin/stable_token':
            state.tokenRequests += 1;
            if (body.appid !== appId || body.secret !== appSecret) return refuse(res, 'token', 40125);
            return reply(res, issue());
          case 'GET /cgi-bin/gettoken':
            state.tokenRequests += 1;
            if (url.searchParams.get('corpid') !== corpId || url.searchParams.get('corpsecret') !== corpSecret) return refuse(res, 'token', 40001);
            return reply(res, { errcode: 0, errmsg: 'ok', ...issue() });
          case 'POST /cgi-bin/message/custom/send': {
            if (!valid.has(token)) return refuse(res, 'custom', 40001);
            const window = windows.get(String(body.touser));
            if (window === undefined || Date.now() - window.since > 48 * 3600_000) return refuse(res, 'custom', 45015);
            if (window.used >= 5) return refuse(res, 'custom', 45047);
            window.used += 1;
            state.sent.push({ api: 'custom', body });
            return reply(res, { errcode: 0, errmsg: 'ok' });
          }
          case 'POST /cgi-bin/message/template/send':
            if (!valid.has(token)) return refuse(res, 'template', 40001);
            state.sent.push({ api: 'template', body });
            return reply(res, { errcode: 0, errmsg: 'ok', msgid: serial });
          case 'POST /cgi-bin/message/send':
            if (!valid.has(token)) return refuse(res, 'wecom', 40001);
            state.sent.push({ api: 'wecom', body });
            return reply(res, { errcode: 0, errmsg: 'ok', invaliduser: '', msgid: `m${serial}` });
          default:
            res.writeHead(404).end();
        }
      },
      () => reply(res, { errcode: 47001, errmsg: 'data format error' }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    appId,
    appSecret,
    corpId,
    corpSecret,
    get sent() {
      return state.sent;
    },
    get refused() {
      return state.refused;
    },
    get tokenRequests() {
      return state.tokenRequests;
    },
    userWrote: (openId) => void windows.set(openId, { since: Date.now(), used: 0 }),
    rotateTokens: () => valid.clear(),
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
