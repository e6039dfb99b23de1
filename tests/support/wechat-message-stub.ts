import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readJson, reply } from './stub-http.js';

/**
 * A local stand-in for the WeChat APIs the outside channels call, a real HTTP server on a free port that answers as
 * the documentation says (HTTP 200, `errcode`/`errmsg`):
 * - `POST /cgi-bin/stable_token`: one token while valid (normal mode), a new one on `force_refresh` (the old one then
 *   answers 40001), 7200 s by default; 40125 for a wrong secret.
 * - `POST /cgi-bin/message/subscribe/send`: 40001 for an unknown token, 42001 for an expired one, 43101 without a
 *   consent (a one-time consent is used up by the message), 47003 for a field over its type's limit.
 * - `POST /cgi-bin/webhook/send?key=`: WeCom's group robot, 20 messages a minute per key, then 45009.
 * Answers can be scripted ahead (`failNext`) for -1 (system busy) and 45009 (rate limit).
 */
interface Scripted {
  errcode: number;
  errmsg: string;
}

export const stubAnswers = {
  systemBusy: { errcode: -1, errmsg: 'system error, rid: stub' },
  rateLimited: { errcode: 45009, errmsg: 'reach max api daily quota limit, rid: stub' },
  invalidArguments: { errcode: 47003, errmsg: 'argument invalid! data.thing1.value invalid, rid: stub' },
} as const satisfies Record<string, Scripted>;

type Api = 'token' | 'subscribe' | 'robot';

export interface SubscribeRequestSeen {
  accessToken: string | null;
  body: { touser: string; template_id: string; page?: string; data: Record<string, { value: string }>; miniprogram_state?: string; lang?: string };
  answer: number;
}

export interface MessageStub {
  baseUrl: string;
  appId: string;
  appSecret: string;
  tokenRequests: { force_refresh: boolean }[];
  subscribeRequests: SubscribeRequestSeen[];
  /** The messages WeChat accepted and would show the user. */
  delivered: SubscribeRequestSeen['body'][];
  robotRequests: { key: string | null; body: { msgtype: string; text?: { content: string }; markdown?: { content: string } }; answer: number }[];
  grantOneTime(openId: string, templateId: string, count?: number): void;
  grantLongTerm(openId: string, templateId: string): void;
  addRobot(key: string): void;
  failNext(api: Api, ...answers: Scripted[]): void;
  /** WeChat's token rotated elsewhere (another system forced a refresh): the token in use now answers 40001. */
  rotateToken(): void;
  /** Moves the stub's clock on (token expiry, the robots' minute). */
  advance(ms: number): void;
  close(): Promise<void>;
}

const FIELD_LIMITS: Record<string, number> = {
  thing: 20, number: 32, letter: 32, symbol: 5, character_string: 32, amount: 12, phone_number: 17, car_number: 8, name: 20, phrase: 5,
};



function fieldsValid(data: Record<string, { value: string }>): boolean {
  return Object.entries(data).every(([key, { value }]) => {
    const type = /^([a-z_]+?)\d+$/.exec(key)?.[1] ?? '';
    const length = Array.from(value).length;
    if (length === 0 || /\p{Cc}/u.test(value)) return false;
    return FIELD_LIMITS[type] === undefined || length <= FIELD_LIMITS[type];
  });
}

export async function startMessageStub(appId = 'wx-stub-app', appSecret = 'stub-app-secret-0123456789'): Promise<MessageStub> {
  let now = Date.now();
  let tokenSerial = 0;
  let token: { value: string; expiresAt: number } | null = null;
  const retired = new Set<string>();
  const scripted: Record<Api, Scripted[]> = { token: [], subscribe: [], robot: [] };
  const oneTime = new Map<string, number>();
  const longTerm = new Set<string>();
  const robots = new Map<string, number[]>();
  const stub = {
    tokenRequests: [] as MessageStub['tokenRequests'],
    subscribeRequests: [] as MessageStub['subscribeRequests'],
    delivered: [] as MessageStub['delivered'],
    robotRequests: [] as MessageStub['robotRequests'],
  };

  const issueToken = () => {
    if (token) retired.add(token.value);
    tokenSerial += 1;
    token = { value: `stub-access-token-${tokenSerial}`, expiresAt: now + 7_200_000 };
  };

  const handleToken = (body: Record<string, unknown>, res: ServerResponse) => {
    const force = body.force_refresh === true;
    stub.tokenRequests.push({ force_refresh: force });
    const failure = scripted.token.shift();
    if (failure) return reply(res, failure);
    if (body.appid !== appId || body.secret !== appSecret) return reply(res, { errcode: 40125, errmsg: 'invalid appsecret, rid: stub' });
    if (force || token === null || now >= token.expiresAt) issueToken();
    return reply(res, { access_token: token!.value, expires_in: Math.round((token!.expiresAt - now) / 1000) });
  };

  const handleSubscribe = (accessToken: string | null, body: SubscribeRequestSeen['body'], res: ServerResponse) => {
    const answer = (errcode: number, errmsg: string) => {
      stub.subscribeRequests.push({ accessToken, body, answer: errcode });
      reply(res, { errcode, errmsg });
    };
    if (token === null || accessToken !== token.value) {
      return retired.has(accessToken ?? '') && token !== null
        ? answer(40001, 'invalid credential, access_token is invalid or not latest, rid: stub')
        : answer(40001, 'invalid credential, rid: stub');
    }
    if (now >= token.expiresAt) return answer(42001, 'access_token expired, rid: stub');
    const failure = scripted.subscribe.shift();
    if (failure) return answer(failure.errcode, failure.errmsg);
    if (!fieldsValid(body.data)) return answer(47003, 'argument invalid! data invalid, rid: stub');
    const consent = `${body.touser}#${body.template_id}`;
    if (!longTerm.has(consent)) {
      const left = oneTime.get(consent) ?? 0;
      if (left <= 0) return answer(43101, 'user refuse to accept the msg, rid: stub');
      oneTime.set(consent, left - 1);
    }
    stub.delivered.push(body);
    return answer(0, 'ok');
  };

  const handleRobot = (key: string | null, body: MessageStub['robotRequests'][number]['body'], res: ServerResponse) => {
    const answer = (errcode: number, errmsg: string) => {
      stub.robotRequests.push({ key, body, answer: errcode });
      reply(res, { errcode, errmsg });
    };
    const sent = robots.get(key ?? '');
    if (sent === undefined) return answer(93000, 'invalid webhook url, rid: stub');
    const failure = scripted.robot.shift();
    if (failure) return answer(failure.errcode, failure.errmsg);
    const recent = sent.filter((t) => t > now - 60_000);
    if (recent.length >= 20) return answer(45009, 'api freq out of limit, rid: stub');
    robots.set(key!, [...recent, now]);
    return answer(0, 'ok');
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub');
    if (req.method !== 'POST') return void res.writeHead(404).end();
    readJson(req).then(
      (body) => {
        switch (url.pathname) {
          case '/cgi-bin/stable_token':
            return handleToken(body, res);
          case '/cgi-bin/message/subscribe/send':
            return handleSubscribe(url.searchParams.get('access_token'), body as unknown as SubscribeRequestSeen['body'], res);
          case '/cgi-bin/webhook/send':
            return handleRobot(url.searchParams.get('key'), body as unknown as MessageStub['robotRequests'][number]['body'], res);
          default:
            res.writeHead(404).end();
        }
      },
      () => reply(res, { errcode: 47001, errmsg: 'data format error, rid: stub' }),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    appId,
    appSecret,
    ...stub,
    grantOneTime: (openId, templateId, count = 1) => {
      const consent = `${openId}#${templateId}`;
      oneTime.set(consent, (oneTime.get(consent) ?? 0) + count);
    },
    grantLongTerm: (openId, templateId) => void longTerm.add(`${openId}#${templateId}`),
    addRobot: (key) => void robots.set(key, []),
    failNext: (api, ...answers) => void scripted[api].push(...answers),
    rotateToken: issueToken,
    advance: (ms) => {
      now += ms;
    },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
