import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../functions/src/api/app.js';
import { mountDevLogin } from '../../functions/src/api/dev-login.js';
import { LOGIN_ATTEMPTS_PER_WINDOW } from '../../functions/src/api/login.js';
import { startWechatStub, stubErrors, type WechatStub } from '../support/wechat-stub.js';
import { connectionFrom, startApiHarness, type ApiHarness } from './support/api-harness.js';
import { children, users } from './support/seed-area.js';

let stub: WechatStub;
let h: ApiHarness;
let ipCounter = 0;

/** Each test logs in from its own address, so the shared login rate limit only counts what the test means to. */
function freshIp(): string {
  ipCounter += 1;
  return `203.0.113.${ipCounter}`;
}

function login(code: string, ip: string, headers: Record<string, string> = {}) {
  return h.call('POST', '/api/v1/auth/wechat', { json: { code }, remoteAddress: ip, headers });
}

/** One more than the limit allows, one after another: the statuses they got. */
async function attemptsPastTheLimit(attempt: (n: number) => { status: number } | Promise<{ status: number }>): Promise<number[]> {
  const statuses: number[] = [];
  for (let n = 1; n <= LOGIN_ATTEMPTS_PER_WINDOW + 1; n += 1) statuses.push((await attempt(n)).status);
  return statuses;
}

const refusedOnTheSeventh = [...Array(LOGIN_ATTEMPTS_PER_WINDOW).fill(403), 429];

beforeAll(async () => {
  stub = await startWechatStub();
  h = await startApiHarness({ wechat: { appId: stub.appId, appSecret: stub.appSecret, baseUrl: stub.baseUrl } });
  stub.script('code-director', { kind: 'session', openId: users.directorV1.wechatOpenId! });
  stub.script('code-guardian', { kind: 'session', openId: users.guardianA.wechatOpenId! });
  stub.script('code-stranger', { kind: 'session', openId: 'openid-nobody-bound' });
  stub.script('code-busy', stubErrors.rateLimited);
  stub.script('code-risky', stubErrors.highRiskUser);
  stub.script('code-500', stubErrors.serverError);
});

afterAll(async () => {
  await stub.close();
});

describe('POST /api/v1/auth/wechat against a local code2Session stub', () => {
  it('logs a bound user in and the token opens their data', async () => {
    const res = await login('code-director', freshIp());

    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.body.user).toEqual({
      id: users.directorV1.id,
      name: users.directorV1.name,
      role: 'director',
      roleName: '儿童主任',
      scope: { level: 'village', regionId: 'v1' },
      organizationId: null,
    });
    expect(res.body.expiresAt).toBe('2026-03-10T14:00:00.000Z');
    const me = await h.call('GET', '/api/v1/me', { token: res.body.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: users.directorV1.id, pledgeSigned: false, pledgeRequired: false });
    const list = await h.call('GET', '/api/v1/children', { token: res.body.token });
    expect(list.body.items.map((i: { id: string }) => i.id).sort()).toEqual([children.a1.id, children.a2.id]);
  });

  it('keeps the session_key and the AppSecret away from the client and the log', async () => {
    const res = await login('code-guardian', freshIp());

    expect(res.status).toBe(200);
    const secrets = [stub.appSecret, ...stub.issuedSessionKeys];
    for (const secret of secrets) {
      expect(res.text).not.toContain(secret);
      expect(h.logLines.join('\n')).not.toContain(secret);
    }
    expect(h.logLines.join('\n')).not.toContain(res.body.token);
    expect(Object.keys(res.body).sort()).toEqual(['expiresAt', 'token', 'user']);
  });

  it.each([
    ['code-stranger', 403, '该微信尚未开通账号。志愿者可以申请注册；工作人员请联系儿童主任或民政部门开通'],
    ['code-unknown-to-wechat', 401, undefined],
    ['code-busy', 429, undefined],
    ['code-risky', 403, undefined],
    ['code-500', 502, undefined],
  ])('answers %s with %i', async (code, status, detail) => {
    const res = await login(code, freshIp());

    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toBe('application/problem+json');
    if (detail) expect(res.body.detail).toBe(detail);
    expect(res.text).not.toContain('token');
  });

  it('gives the 7th login attempt of a minute from one address 429 with Retry-After, and other addresses go on', async () => {
    const ip = freshIp();
    const statuses: number[] = [];

    for (let attempt = 0; attempt <= LOGIN_ATTEMPTS_PER_WINDOW; attempt += 1) statuses.push((await login('code-stranger', ip)).status);
    const seventh = await login('code-director', ip);
    const elsewhere = await login('code-director', freshIp());

    expect(statuses.slice(0, LOGIN_ATTEMPTS_PER_WINDOW)).toEqual(Array(LOGIN_ATTEMPTS_PER_WINDOW).fill(403));
    expect(statuses[LOGIN_ATTEMPTS_PER_WINDOW]).toBe(429);
    expect(seventh.status).toBe(429);
    expect(Number(seventh.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(seventh.body.type).toBe('urn:shouhu:problem:rate-limited');
    expect(elsewhere.status).toBe(200);
  });

  it('lets the address try again once Retry-After has passed', async () => {
    const ip = freshIp();
    for (let attempt = 0; attempt < LOGIN_ATTEMPTS_PER_WINDOW; attempt += 1) await login('code-stranger', ip);
    const refused = await login('code-director', ip);
    expect(refused.status).toBe(429);

    h.advanceSeconds(Number(refused.headers.get('retry-after')));
    const later = await login('code-director', ip);

    expect(later.status).toBe(200);
  });
});

describe('the login rate limit counts the client, not what the client writes', () => {
  it('ignores X-Forwarded-For when no proxy is trusted: rotating it does not buy more attempts', async () => {
    const ip = freshIp();

    const statuses = await attemptsPastTheLimit((n) => login('code-stranger', ip, { 'x-forwarded-for': `198.51.100.${n}` }));

    expect(statuses).toEqual(refusedOnTheSeventh);
  });

  it('behind one trusted proxy, counts the address the proxy appended and not what the client wrote before it', async () => {
    const proxied = createApp({ ...h.deps, trustedProxyHops: 1 });
    const viaProxy = (forwardedFor: string) =>
      proxied.request(
        '/api/v1/auth/wechat',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
          body: JSON.stringify({ code: 'code-stranger' }),
        },
        connectionFrom('10.0.0.1'),
      );
    const client = freshIp();

    const statuses = await attemptsPastTheLimit((n) => viaProxy(`198.51.100.${n}, ${client}`));
    const anotherClient = await viaProxy(`198.51.100.1, ${freshIp()}`);

    expect(statuses).toEqual(refusedOnTheSeventh);
    expect(anotherClient.status).toBe(403);
  });

  it('counts an IPv6 client per /64, the block it can pick addresses from', async () => {
    const statuses = await attemptsPastTheLimit((n) => login('code-stranger', `2001:db8:6:1::${n.toString(16)}`));

    expect(statuses).toEqual(refusedOnTheSeventh);
  });
});

describe('sessions', () => {
  it('refuses a token once its 12 hours are over', async () => {
    const { body } = await login('code-guardian', freshIp());
    expect((await h.call('GET', '/api/v1/me', { token: body.token })).status).toBe(200);

    h.advanceSeconds(12 * 60 * 60);
    const res = await h.call('GET', '/api/v1/me', { token: body.token });

    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/);
  });

  it('tells a social worker without the pledge that it is missing (R8)', async () => {
    const res = await h.call('GET', '/api/v1/me', { as: 'socialWorkerUnpledged' });

    expect(res.body).toMatchObject({ role: 'socialWorker', pledgeSigned: false, pledgeRequired: true });
  });
});

describe('what the app exposes', () => {
  it('serves an OpenAPI 3 document generated from the schemas, with bearer auth and the children paths', async () => {
    const res = await h.call('GET', '/api/v1/openapi.json');

    expect(res.status).toBe(200);
    const doc = JSON.parse(res.text);
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/children', '/api/v1/children/{id}', '/api/v1/children/{id}/team', '/api/v1/auth/wechat', '/api/v1/me']),
    );
    expect(Object.keys(doc.paths['/api/v1/children/{id}'])).toEqual(expect.arrayContaining(['get', 'patch']));
    expect(doc.components.securitySchemes.bearerAuth).toEqual({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' });
    expect(doc.paths['/api/v1/children'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('legalBasis');
    expect(Object.keys(doc.paths).some((p) => p.includes('/auth/dev'))).toBe(false);
  });

  it('has no dev login when built by createApp alone', async () => {
    const login = await h.call('POST', '/api/v1/auth/dev', { json: { userId: users.cityOfficer.id } });
    const list = await h.call('GET', '/api/v1/auth/dev/users');

    expect(login.status).toBe(404);
    expect(list.status).toBe(404);
    expect(login.text).not.toContain('token');
  });

  it('says Cache-Control: no-store on answers with personal data, errors and documents alike', async () => {
    const answers = await Promise.all([
      h.call('GET', `/api/v1/children/${children.a1.id}`, { as: 'directorV1' }),
      h.call('GET', '/api/v1/children', { as: 'directorV1' }),
      h.call('GET', '/api/v1/children'),
      h.call('GET', '/api/v1/nowhere'),
      h.call('GET', '/api/v1/openapi.json'),
    ]);

    expect(answers.map((r) => r.headers.get('cache-control'))).toEqual(Array(5).fill('no-store'));
    expect(answers[0].headers.get('x-content-type-options')).toBe('nosniff');
    expect(answers[0].headers.get('x-request-id')).toMatch(/^[0-9a-f]{32}$/);
  });

  it('writes one access line per request with no body, no query and no token', async () => {
    const marker = h.logLines.length;

    await h.call('PATCH', `/api/v1/children/${children.a2.id}?note=13812345678`, {
      as: 'directorV1',
      json: { version: 1, changes: { address: '东湾村秘密地址99号' } },
    });

    const lines = h.logLines.slice(marker);
    const access = lines.map((line) => JSON.parse(line)).filter((entry) => entry.message === 'request');
    expect(access).toHaveLength(1);
    expect(access[0]).toMatchObject({ method: 'PATCH', path: `/api/v1/children/${children.a2.id}`, actorId: users.directorV1.id });
    expect(lines.join('\n')).not.toMatch(/秘密地址|13812345678|Bearer/);
  });
});

describe('the dev login, mounted only by the local server', () => {
  it('logs a listed demo user in, refuses anyone else, and lists the demo users', async () => {
    const demo = createApp({
      ...h.deps,
      mount: (app) => mountDevLogin(app, h.deps, { demoUserIds: [users.directorV1.id, users.guardianA.id] }),
    });
    const post = (userId: string, ip = freshIp(), forwardedFor = '198.51.100.1') =>
      demo.request(
        '/api/v1/auth/dev',
        {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
          body: JSON.stringify({ userId }),
        },
        connectionFrom(ip),
      );

    const listed = await post(users.directorV1.id);
    const unlisted = await post(users.cityOfficer.id);
    const demoUsers = await demo.request('/api/v1/auth/dev/users');

    expect(listed.status).toBe(200);
    const body = await listed.json();
    expect(body.user).toMatchObject({ id: users.directorV1.id, role: 'director' });
    expect((await demo.request('/api/v1/me', { headers: { authorization: `Bearer ${body.token}` } })).status).toBe(200);
    expect(unlisted.status).toBe(403);
    expect(await demoUsers.json()).toEqual({
      users: [
        { id: users.directorV1.id, name: users.directorV1.name, role: 'director', roleName: '儿童主任', scopeName: '东湾村' },
        { id: users.guardianA.id, name: users.guardianA.name, role: 'guardian', roleName: '监护人', scopeName: null },
      ],
    });
    const ip = freshIp();
    const rotating = await attemptsPastTheLimit((n) => post(users.cityOfficer.id, ip, `198.51.100.${n}`));
    expect(rotating).toEqual(refusedOnTheSeventh);
  });
});
