import { describe, expect, it } from 'vitest';
import { createApp, type AppDeps } from '../../functions/src/api/app.js';
import { createLogger } from '../../functions/src/api/logger.js';
import type { AssessmentUseCases } from '../../functions/src/app/assessment-use-cases.js';
import type { ConcernUseCases } from '../../functions/src/app/concern-use-cases.js';
import type { EscalationUseCases } from '../../functions/src/app/escalation-use-cases.js';
import type { CaseFileUseCases } from '../../functions/src/app/case-file-use-cases.js';
import type { PledgeUseCases } from '../../functions/src/app/pledge-use-cases.js';
import type { UseCases } from '../../functions/src/app/use-cases.js';
import type { Repositories } from '../../functions/src/store/ports.js';

/** Storage is never touched by these requests, so empty objects stand in for the repositories and use cases. */
function depsWith(sessionSecret: string): AppDeps {
  return {
    repositories: {} as Repositories,
    useCases: {} as UseCases,
    concerns: {} as ConcernUseCases,
    escalations: {} as EscalationUseCases,
    assessments: {} as AssessmentUseCases,
    pledges: {} as PledgeUseCases,
    caseFiles: {} as CaseFileUseCases,
    clock: () => new Date('2026-03-10T02:00:00Z'),
    newId: () => 'req0001',
    sessionSecret,
    wechat: { appId: 'wx', appSecret: 'secret', baseUrl: 'http://127.0.0.1:9' },
    logger: createLogger({ write: () => undefined }),
  };
}

describe('createApp', () => {
  it('refuses to start with a session secret shorter than 32 characters', () => {
    expect(() => createApp(depsWith('x'.repeat(31)))).toThrow(/at least 32/);
    expect(() => createApp(depsWith('x'.repeat(32)))).not.toThrow();
  });

  it('refuses to start with a number of trusted proxies that is not a small whole number', () => {
    for (const hops of [-1, 1.5, 11, Number.NaN]) {
      expect(() => createApp({ ...depsWith('x'.repeat(32)), trustedProxyHops: hops })).toThrow(/trustedProxyHops/);
    }
    expect(() => createApp({ ...depsWith('x'.repeat(32)), trustedProxyHops: 2 })).not.toThrow();
  });

  it('answers an unauthenticated call before touching storage, with its request id', async () => {
    const res = await createApp(depsWith('x'.repeat(32))).request('/api/v1/children/child-1');

    expect(res.status).toBe(401);
    expect(res.headers.get('x-request-id')).toBe('req0001');
    expect(await res.json()).toMatchObject({ status: 401, requestId: 'req0001' });
  });

  it("keeps the server's request id whatever the client sends, and logs a well-formed client id apart", async () => {
    // Prepare
    const lines: string[] = [];
    const app = createApp({ ...depsWith('x'.repeat(32)), logger: createLogger({ write: (line) => lines.push(line) }) });

    // Act
    const res = await app.request('/api/v1/children/child-1', { headers: { 'x-request-id': 'trace:client-7.a_b' } });

    // Assess
    expect(res.headers.get('x-request-id')).toBe('req0001');
    expect(await res.json()).toMatchObject({ requestId: 'req0001' });
    const access = lines.map((line) => JSON.parse(line)).find((entry) => entry.message === 'request');
    expect(access).toMatchObject({ requestId: 'req0001', clientRequestId: 'trace:client-7.a_b' });
  });

  it.each([
    ['too long', 'x'.repeat(65)],
    ['with characters outside the allowed set', 'id with spaces <script>'],
    ['empty', ''],
  ])('drops a client request id that is %s', async (_case, clientId) => {
    const lines: string[] = [];
    const app = createApp({ ...depsWith('x'.repeat(32)), logger: createLogger({ write: (line) => lines.push(line) }) });

    const res = await app.request('/api/v1/children/child-1', { headers: { 'x-request-id': clientId } });

    expect(res.headers.get('x-request-id')).toBe('req0001');
    const access = lines.map((line) => JSON.parse(line)).find((entry) => entry.message === 'request');
    expect(access.requestId).toBe('req0001');
    expect(access).not.toHaveProperty('clientRequestId');
    if (clientId !== '') expect(lines.join('\n')).not.toContain(clientId);
  });

  it.each(['/api/v2/x', '/api/anything', '/api', '/elsewhere'])(
    'answers %s, outside /api/v1, with the same API headers and a problem 404',
    async (path) => {
      const res = await createApp(depsWith('x'.repeat(32))).request(path);

      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toBe('application/problem+json');
      expect(res.headers.get('cache-control')).toBe('no-store');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-request-id')).toBe('req0001');
      expect(await res.json()).toMatchObject({ status: 404, type: 'urn:shouhu:problem:route-not-found', requestId: 'req0001' });
    },
  );

  it('calls `mount` so extra routes get the same middleware (body cap, no-store)', async () => {
    const app = createApp({ ...depsWith('x'.repeat(32)), mount: (api) => api.post('/api/v1/extra', (c) => c.text('ok')) });

    const small = await app.request('/api/v1/extra', { method: 'POST', body: 'hi', headers: { 'content-length': '2' } });
    const big = await app.request('/api/v1/extra', { method: 'POST', body: 'x', headers: { 'content-length': String(65 * 1024) } });

    expect(small.status).toBe(200);
    expect(small.headers.get('cache-control')).toBe('no-store');
    expect(big.status).toBe(413);
  });
});
