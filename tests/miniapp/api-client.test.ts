import { describe, expect, it, vi } from 'vitest';
import { ApiError, createApiClient, type HttpRequest, type HttpResponse } from '../../miniapp/src/api/index.js';

/** A transport that records what the client sends and answers from a queue. */
function fakeTransport(...answers: (HttpResponse | Error)[]) {
  const sent: HttpRequest[] = [];
  const request = async (req: HttpRequest): Promise<HttpResponse> => {
    sent.push(req);
    const answer = answers.shift() ?? { status: 200, headers: {}, data: '{}' };
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { sent, request };
}

const json = (status: number, body: unknown, contentType = 'application/json'): HttpResponse => ({
  status,
  headers: { 'content-type': contentType },
  data: JSON.stringify(body),
});

const loginResult = {
  token: 'tok-1',
  expiresAt: '2026-11-23T12:00:00Z',
  user: { id: 'u1', name: '王丽', role: 'director', roleName: '儿童主任', scope: { level: 'village', regionId: 'v1' }, organizationId: null },
};

describe('createApiClient', () => {
  it('sends the session token as a Bearer header and returns the parsed body', async () => {
    const transport = fakeTransport(json(200, { ...loginResult.user, pledgeSigned: true }));
    const client = createApiClient({ baseUrl: 'https://api.example.cn/', request: transport.request, getToken: () => 'tok-1' });

    const me = await client.me();

    expect(me.name).toBe('王丽');
    expect(transport.sent[0]).toMatchObject({
      url: 'https://api.example.cn/api/v1/me',
      method: 'GET',
      headers: { Authorization: 'Bearer tok-1', Accept: 'application/json' },
    });
    expect(transport.sent[0].body).toBeUndefined();
  });

  it('uses the page origin when the base URL is empty (H5 on the local server)', async () => {
    const transport = fakeTransport(json(200, { items: [], nextCursor: null, regionNames: {} }));
    const client = createApiClient({ baseUrl: '', request: transport.request, getToken: () => null });

    await client.listChildren();

    expect(transport.sent[0].url).toBe('/api/v1/children');
    expect(transport.sent[0].headers.Authorization).toBeUndefined();
  });

  it('posts login requests as JSON without any stored token', async () => {
    const transport = fakeTransport(json(200, loginResult), json(200, loginResult));
    const client = createApiClient({ baseUrl: '', request: transport.request, getToken: () => 'stale-token' });

    const dev = await client.devLogin('u1');
    await client.wechatLogin('code-123');

    expect(dev.token).toBe('tok-1');
    expect(transport.sent.map((r) => [r.method, r.url, r.body, r.headers.Authorization])).toEqual([
      ['POST', '/api/v1/auth/dev', '{"userId":"u1"}', undefined],
      ['POST', '/api/v1/auth/wechat', '{"code":"code-123"}', undefined],
    ]);
    expect(transport.sent[0].headers['Content-Type']).toBe('application/json');
  });

  it('unwraps the demo users list', async () => {
    const users = [{ id: 'u1', name: '王丽', role: 'director', roleName: '儿童主任', scopeName: '青松村' }];
    const transport = fakeTransport(json(200, { users }));
    const client = createApiClient({ baseUrl: '', request: transport.request, getToken: () => null });

    expect(await client.devUsers()).toEqual(users);
    expect(transport.sent[0].url).toBe('/api/v1/auth/dev/users');
  });

  it('passes the cursor and limit of a page, encoded, and leaves out what is not given', async () => {
    const page = { items: [], nextCursor: 'next/=+', regionNames: { v1: '青松村' } };
    const transport = fakeTransport(json(200, page), json(200, page));
    const client = createApiClient({ baseUrl: '', request: transport.request, getToken: () => 't' });

    const first = await client.listChildren({ limit: 20 });
    await client.listChildren({ cursor: first.nextCursor, limit: 20 });

    expect(transport.sent.map((r) => r.url)).toEqual([
      '/api/v1/children?limit=20',
      '/api/v1/children?limit=20&cursor=next%2F%3D%2B',
    ]);
  });

  it('sends the search and the filters of the list and of its count, encoded (issue 7, B8)', async () => {
    const page = { items: [], nextCursor: null, regionNames: {} };
    const transport = fakeTransport(json(200, page), json(200, { count: 3 }), json(200, { items: [] }));
    const client = createApiClient({ baseUrl: '', request: transport.request, getToken: () => 't' });
    const filter = { q: '子 轩', villageId: 'v1', riskLevel: 'red', category: 'leftBehind' } as const;

    await client.listChildren({ ...filter, limit: 20 });
    expect(await client.countChildren(filter)).toBe(3);
    await client.filterVillages();

    expect(transport.sent.map((r) => r.url)).toEqual([
      '/api/v1/children?limit=20&q=%E5%AD%90%20%E8%BD%A9&villageId=v1&riskLevel=red&category=leftBehind',
      '/api/v1/children/count?q=%E5%AD%90%20%E8%BD%A9&villageId=v1&riskLevel=red&category=leftBehind',
      '/api/v1/children/villages',
    ]);
  });

  it('previews and saves a district’s rules with the version they were read at', async () => {
    const transport = fakeTransport(json(200, {}), json(200, {}));
    const client = createApiClient({ baseUrl: '', request: transport.request, getToken: () => 't' });
    const input = { ruleIds: ['R3' as const], unconfirmedAfterDays: 3, version: 0 };

    await client.previewPolicy('d/1', input);
    await client.updatePolicy('d/1', input);

    expect(transport.sent.map((r) => [r.method, r.url, r.body])).toEqual([
      ['POST', '/api/v1/districts/d%2F1/policy/preview', JSON.stringify(input)],
      ['PUT', '/api/v1/districts/d%2F1/policy', JSON.stringify(input)],
    ]);
  });

  it('escapes the child id in the path', async () => {
    const transport = fakeTransport(json(200, { id: 'a/b' }));
    const client = createApiClient({ baseUrl: '', request: transport.request, getToken: () => 't' });

    await client.getChild('a/b');

    expect(transport.sent[0].url).toBe('/api/v1/children/a%2Fb');
  });

  it('turns a problem answer into an ApiError carrying status, title, detail and field', async () => {
    const problem = { type: 'about:blank', title: '请求有误', status: 422, detail: '请选择列表中的演示账号', field: 'userId' };
    const transport = fakeTransport(json(422, problem, 'application/problem+json'));
    const client = createApiClient({ baseUrl: '', request: transport.request, getToken: () => null });

    const error = await client.devLogin('nobody').catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 422, title: '请求有误', detail: '请选择列表中的演示账号', field: 'userId' });
  });

  it('calls onUnauthorized once when a request that carried a token is answered 401', async () => {
    const onUnauthorized = vi.fn();
    const transport = fakeTransport(json(401, { type: 'about:blank', title: '请先登录', status: 401 }));
    const client = createApiClient({ baseUrl: '', request: transport.request, getToken: () => 'expired', onUnauthorized });

    await expect(client.me()).rejects.toMatchObject({ status: 401, title: '请先登录' });

    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(onUnauthorized.mock.calls[0][0]).toBeInstanceOf(ApiError);
  });

  it('does not end the session when a login attempt is refused with 401', async () => {
    const onUnauthorized = vi.fn();
    const transport = fakeTransport(json(401, { type: 'about:blank', title: '该微信未绑定账号', status: 401 }));
    const client = createApiClient({ baseUrl: '', request: transport.request, getToken: () => 'tok', onUnauthorized });

    await expect(client.wechatLogin('bad-code')).rejects.toMatchObject({ status: 401, title: '该微信未绑定账号' });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('gives a Chinese title when the error answer is not a problem (a proxy page)', async () => {
    const transport = fakeTransport({ status: 502, headers: { 'content-type': 'text/html' }, data: '<html>Bad Gateway</html>' });
    const client = createApiClient({ baseUrl: '', request: transport.request, getToken: () => 't' });

    await expect(client.me()).rejects.toMatchObject({ status: 502, title: '服务暂时不可用，请稍后再试' });
  });

  it('reports a transport failure as a network ApiError with status 0', async () => {
    const transport = fakeTransport(new Error('request:fail timeout'));
    const client = createApiClient({ baseUrl: '', request: transport.request, getToken: () => 't' });

    await expect(client.me()).rejects.toMatchObject({ status: 0, title: '网络连接失败' });
  });

  it('accepts a body the platform already parsed (wx.request parses JSON itself)', async () => {
    const transport = fakeTransport({ status: 404, headers: {}, data: { type: 'about:blank', title: '未找到', status: 404 } });
    const client = createApiClient({ baseUrl: '', request: transport.request, getToken: () => 't' });

    await expect(client.getChild('c9')).rejects.toMatchObject({ status: 404, title: '未找到' });
  });
});
