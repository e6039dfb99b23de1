import { describe, expect, it, vi } from 'vitest';
import { createApiClient, type HttpRequest } from '../../miniapp/src/api/index.js';

/** Issue 8's calls of the mini-program's API client, against a transport that records what is sent. */
function clientAnswering(status: number, body: unknown, token: string | null = 'tok-1') {
  const sent: HttpRequest[] = [];
  const onUnauthorized = vi.fn();
  const client = createApiClient({
    baseUrl: '',
    getToken: () => token,
    onUnauthorized,
    request: async (request) => {
      sent.push(request);
      return { status, headers: { 'content-type': 'application/json' }, data: JSON.stringify(body) };
    },
  });
  return { client, sent, onUnauthorized };
}

const publicReport = {
  childDescription: '男孩，约8岁',
  villageId: 'v1',
  kinds: ['leftAloneAtHome' as const],
  urgent: true,
  description: '一个人在家',
  reporterName: null,
  reporterPhone: null,
};

describe('the concern calls of the API client (issue 8)', () => {
  it('sends a public report with the form’s key and no token, even when someone is signed in on the phone', async () => {
    const { client, sent } = clientAnswering(201, { trackingCode: 'K7QM-2XHD-ABCD-EFGH-JKMN-PQRS', status: 'received', reportedAt: '2026-11-30T02:00:00Z' });

    const answer = await client.reportPublicConcern(publicReport, 'form-key-123');

    expect(answer.trackingCode).toBe('K7QM-2XHD-ABCD-EFGH-JKMN-PQRS');
    expect(sent[0]).toMatchObject({ method: 'POST', url: '/api/v1/public/concerns', headers: { 'Idempotency-Key': 'form-key-123' } });
    expect(sent[0].headers.Authorization).toBeUndefined();
    expect(JSON.parse(sent[0].body!)).toEqual(publicReport);
  });

  it('looks a status up with the code in the body, never in the address', async () => {
    const { client, sent } = clientAnswering(200, { status: 'acknowledged', reportedAt: 'x', updatedAt: 'y', closingFeedback: null });

    await client.concernStatus('K7QM-2XHD-ABCD-EFGH-JKMN-PQRS');

    expect(sent[0]).toMatchObject({ method: 'POST', url: '/api/v1/public/concerns/status', body: '{"trackingCode":"K7QM-2XHD-ABCD-EFGH-JKMN-PQRS"}' });
    expect(sent[0].headers.Authorization).toBeUndefined();
  });

  it('lists the cities, then the places below one, encoded', async () => {
    const { client, sent } = clientAnswering(200, { items: [{ id: 'demo-city', name: '上海市', level: 'city' }] });

    expect(await client.publicRegions()).toEqual([{ id: 'demo-city', name: '上海市', level: 'city' }]);
    await client.publicRegions('a/b');

    expect(sent.map((request) => request.url)).toEqual(['/api/v1/public/regions', '/api/v1/public/regions?parentId=a%2Fb']);
  });

  it('reports, lists, reads and steps as the signed-in user, the step carrying the version it was read at', async () => {
    const { client, sent } = clientAnswering(200, {});

    await client.reportConcern({ child: { kind: 'known', childId: 'c1' }, kinds: ['neglect'], urgent: false, description: '没人做饭' }, 'form-key-456');
    await client.listConcerns();
    await client.getConcern('c/1');
    await client.stepConcern('c/1', { to: 'acknowledged', note: '', version: 3 });

    expect(sent.map((request) => [request.method, request.url, request.headers.Authorization])).toEqual([
      ['POST', '/api/v1/concerns', 'Bearer tok-1'],
      ['GET', '/api/v1/concerns', 'Bearer tok-1'],
      ['GET', '/api/v1/concerns/c%2F1', 'Bearer tok-1'],
      ['POST', '/api/v1/concerns/c%2F1/steps', 'Bearer tok-1'],
    ]);
    expect(sent[0].headers['Idempotency-Key']).toBe('form-key-456');
    expect(JSON.parse(sent[3].body!)).toEqual({ to: 'acknowledged', note: '', version: 3 });
  });

  it('does not end the session when a public call is answered 401 (it carried no token)', async () => {
    const { client, onUnauthorized } = clientAnswering(401, { type: 'about:blank', title: '未登录', status: 401 });

    await expect(client.concernStatus('x')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });
});
