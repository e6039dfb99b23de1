import { describe, expect, it, vi } from 'vitest';
import { createApiClient, type HttpRequest, type HttpResponse } from '../../miniapp/src/api/index.js';
import type { CheckInInput } from '../../miniapp/src/api/types.js';

/** Answers every request with `body` and records it. */
function clientAnswering(body: unknown, status = 200) {
  const sent: HttpRequest[] = [];
  const request = vi.fn(async (req: HttpRequest): Promise<HttpResponse> => {
    sent.push(req);
    return { status, headers: {}, data: body === undefined ? '' : JSON.stringify(body) };
  });
  return { sent, client: createApiClient({ baseUrl: '', request, getToken: () => 'tok' }) };
}

const checkIn: CheckInInput = {
  kind: 'contact',
  purpose: 'routine',
  startedAt: '2026-11-23T09:00:00+08:00',
  endedAt: '2026-11-23T09:20:00+08:00',
  location: null,
  participantIds: ['w1'],
  companionNames: [],
  contactChannel: 'phone',
  services: [],
  notes: '电话了解近况',
  problemsFound: '',
};

describe('visits API of the client (notes/VISITS-API.md)', () => {
  it.each([
    ['policyRules', (c: ReturnType<typeof createApiClient>) => c.policyRules(), { rules: [{ id: 'R3' }] }, [{ id: 'R3' }], '/api/v1/policy/rules'],
    ['myObligations', (c: ReturnType<typeof createApiClient>) => c.myObligations(30), { items: [1] }, [1], '/api/v1/obligations/mine?within=30'],
    ['myObligations default', (c: ReturnType<typeof createApiClient>) => c.myObligations(), { items: [] }, [], '/api/v1/obligations/mine'],
    ['childObligations', (c: ReturnType<typeof createApiClient>) => c.childObligations('c/1'), { items: [2] }, [2], '/api/v1/children/c%2F1/obligations'],
    [
      'townObligations',
      (c: ReturnType<typeof createApiClient>) => c.townObligations('t1', '2026-11-23'),
      { items: [3] },
      [3],
      '/api/v1/towns/t1/obligations?date=2026-11-23',
    ],
    [
      'listVisits',
      (c: ReturnType<typeof createApiClient>) => c.listVisits('c1', { limit: 10, cursor: 'x=' }),
      { items: [], nextCursor: null },
      { items: [], nextCursor: null },
      '/api/v1/children/c1/visits?limit=10&cursor=x%3D',
    ],
    ['pendingConfirmations', (c: ReturnType<typeof createApiClient>) => c.pendingConfirmations(), { items: [4] }, [4], '/api/v1/visits/pending-confirmation'],
    [
      'attention',
      (c: ReturnType<typeof createApiClient>) => c.attention('t1', 'disputed'),
      { items: [5] },
      [5],
      '/api/v1/towns/t1/visits/attention?state=disputed',
    ],
    [
      'integrity',
      (c: ReturnType<typeof createApiClient>) => c.integrity('c1'),
      { intact: true, entries: 2, firstBrokenSequence: null },
      { intact: true, entries: 2, firstBrokenSequence: null },
      '/api/v1/children/c1/visits/integrity',
    ],
    ['inbox', (c: ReturnType<typeof createApiClient>) => c.inbox(), { items: [6], unread: 1 }, { items: [6], unread: 1 }, '/api/v1/inbox'],
    ['unreadCount', (c: ReturnType<typeof createApiClient>) => c.unreadCount(), { count: 3 }, 3, '/api/v1/inbox/unread-count'],
    ['countChildren', (c: ReturnType<typeof createApiClient>) => c.countChildren(), { count: 40 }, 40, '/api/v1/children/count'],
  ])('%s GETs its path and unwraps the answer', async (_name, call, answer, expected, url) => {
    const { sent, client } = clientAnswering(answer);

    expect(await call(client)).toEqual(expected);
    expect(sent.map((r) => [r.method, r.url])).toEqual([['GET', url]]);
  });

  it('posts a check-in with its Idempotency-Key header and returns the visit', async () => {
    const { sent, client } = clientAnswering({ id: 'v1', r3: { applies: false, met: true, shortfalls: [] } }, 201);

    const visit = await client.checkIn('c1', checkIn, '3f1c0a6e-0000-4000-8000-000000000001');

    expect(visit.id).toBe('v1');
    expect(sent[0]).toMatchObject({
      method: 'POST',
      url: '/api/v1/children/c1/visits',
      headers: { 'Idempotency-Key': '3f1c0a6e-0000-4000-8000-000000000001', 'Content-Type': 'application/json' },
    });
    expect(JSON.parse(sent[0].body!)).toEqual(checkIn);
  });

  it('posts a confirmation to the visit of the child', async () => {
    const { sent, client } = clientAnswering({ id: 'v1' });

    await client.confirmVisit('c1', 'v/1', { decision: 'dispute', reasons: ['wrongTime'], note: '', version: 2 });

    expect(sent[0].url).toBe('/api/v1/children/c1/visits/v%2F1/confirmation');
    expect(JSON.parse(sent[0].body!)).toEqual({ decision: 'dispute', reasons: ['wrongTime'], note: '', version: 2 });
  });

  it('reads one visit’s page under its child', async () => {
    const detail = { id: 'v/1', childName: '王小明', actions: { answer: false, settle: true, amend: false, amendUntil: null } };
    const { sent, client } = clientAnswering(detail);

    expect(await client.visit('c1', 'v/1')).toEqual(detail);
    expect(sent.map((r) => [r.method, r.url])).toEqual([['GET', '/api/v1/children/c1/visits/v%2F1']]);
  });

  it.each([
    ['settleDispute', (c: ReturnType<typeof createApiClient>) => c.settleDispute('c1', 'v1', { outcome: 'notAsRecorded', note: '核实', version: 2 }), '/resolution', { outcome: 'notAsRecorded', note: '核实', version: 2 }],
    ['correctVisit', (c: ReturnType<typeof createApiClient>) => c.correctVisit('c1', 'v1', { version: 1, reason: '填错', changes: { notes: '新' } }), '/corrections', { version: 1, reason: '填错', changes: { notes: '新' } }],
    ['withdrawVisit', (c: ReturnType<typeof createApiClient>) => c.withdrawVisit('c1', 'v1', { version: 1, reason: '重复登记' }), '/withdrawal', { version: 1, reason: '重复登记' }],
  ])('%s posts its body to the visit and returns the page', async (_name, call, rest, body) => {
    const { sent, client } = clientAnswering({ id: 'v1', version: 3 });

    expect(await call(client)).toEqual({ id: 'v1', version: 3 });
    expect(sent.map((r) => [r.method, r.url])).toEqual([['POST', `/api/v1/children/c1/visits/v1${rest}`]]);
    expect(JSON.parse(sent[0].body!)).toEqual(body);
  });

  it('marks an inbox item read and accepts the empty 204', async () => {
    const { sent, client } = clientAnswering(undefined, 204);

    await expect(client.markInboxRead('n1')).resolves.toBeUndefined();
    expect(sent.map((r) => [r.method, r.url])).toEqual([['POST', '/api/v1/inbox/n1/read']]);
  });

  it('hands a refused check-in back as an ApiError naming the field', async () => {
    const problem = { type: 'about:blank', title: '提交的内容不符合要求', status: 422, detail: '结束时间不能早于开始时间', field: 'endedAt' };
    const { client } = clientAnswering(problem, 422);

    await expect(client.checkIn('c1', checkIn, 'k-12345678')).rejects.toMatchObject({ status: 422, field: 'endedAt' });
  });
});
