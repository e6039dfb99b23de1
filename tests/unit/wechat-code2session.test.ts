import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../functions/src/api/logger.js';
import { exchangeWechatCode, type WechatConfig } from '../../functions/src/api/wechat-code2session.js';
import { ForbiddenError, RateLimitedError, UnauthenticatedError, UpstreamError } from '../../functions/src/domain/errors.js';
import { startWechatStub, stubErrors, type WechatStub } from '../support/wechat-stub.js';

let stub: WechatStub;
let config: WechatConfig;
const lines: string[] = [];
const logger = createLogger({ write: (line) => lines.push(line) });

beforeAll(async () => {
  stub = await startWechatStub();
  config = { appId: stub.appId, appSecret: stub.appSecret, baseUrl: stub.baseUrl };
  stub.script('code-ok', { kind: 'session', openId: 'openid-ok', unionId: 'union-ok' });
  stub.script('code-invalid', stubErrors.invalidCode);
  stub.script('code-busy', stubErrors.rateLimited);
  stub.script('code-risky', stubErrors.highRiskUser);
  stub.script('code-500', stubErrors.serverError);
  stub.script('code-garbage', { kind: 'http', status: 200, body: '<html>gateway</html>' });
});

afterAll(async () => {
  await stub.close();
});

describe('code2Session client against a local WeChat stub', () => {
  it('sends appid, secret, js_code and grant_type and returns the openid', async () => {
    const identity = await exchangeWechatCode(config, 'code-ok', logger);

    expect(identity).toEqual({ openId: 'openid-ok', unionId: 'union-ok' });
    expect(stub.requests.at(-1)).toEqual({
      appid: stub.appId,
      secret: stub.appSecret,
      js_code: 'code-ok',
      grant_type: 'authorization_code',
    });
  });

  it.each([
    ['code-invalid', UnauthenticatedError, 40029],
    ['code-busy', RateLimitedError, 45011],
    ['code-risky', ForbiddenError, 40226],
    ['code-500', UpstreamError, null],
    ['code-garbage', UpstreamError, null],
  ] as const)('maps the answer to %s to %s', async (code, errorClass, errcode) => {
    const error = await exchangeWechatCode(config, code, logger).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(errorClass);
    if (errcode !== null) expect(lines.at(-1)).toContain(`"wechatErrcode":${errcode}`);
  });

  it('treats an unreachable WeChat as an upstream failure, and a wrong AppSecret too', async () => {
    const unreachable = await exchangeWechatCode({ ...config, baseUrl: 'http://127.0.0.1:9' }, 'code-ok', logger).catch((e: unknown) => e);
    const wrongSecret = await exchangeWechatCode({ ...config, appSecret: 'wrong' }, 'code-ok', logger).catch((e: unknown) => e);

    expect(unreachable).toBeInstanceOf(UpstreamError);
    expect(wrongSecret).toBeInstanceOf(UpstreamError);
  });

  it('gives up after its timeout when WeChat does not answer', async () => {
    const hanging: typeof fetch = (_url, init) =>
      new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));

    const error = await exchangeWechatCode({ ...config, fetch: hanging, timeoutMs: 50 }, 'code-ok', logger).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(UpstreamError);
  });

  it('never writes the AppSecret, a code or a session_key to the log', () => {
    expect(lines.length).toBeGreaterThan(0);
    expect(stub.issuedSessionKeys.length).toBeGreaterThan(0);
    const log = lines.join('\n');
    for (const secret of [stub.appSecret, ...stub.issuedSessionKeys, 'code-ok', 'code-invalid']) {
      expect(log).not.toContain(secret);
    }
  });
});
