import { describe, expect, it } from 'vitest';
import { createApiClient, type HttpRequest, type HttpResponse } from '../../miniapp/src/api/index.js';
import type { CheckInInput } from '../../miniapp/src/api/types.js';
import { createOfflineQueue, type OfflineQueueOptions } from '../../miniapp/src/lib/offline-queue.js';
import { FIRST_RETRY_DELAY_MS } from '../../miniapp/src/lib/queued-check-in.js';
import { fakeStorage } from '../support/fake-storage.js';

type Mode = 'online' | 'offline' | { status: number; title: string; detail?: string; field?: string };

/**
 * The API behind the real client: stores one visit per Idempotency-Key, as the server does, and answers a replay
 * with the first result. `mode` makes it unreachable or failing; `gate` holds answers back until released.
 */
function fakeServer() {
  const server = {
    mode: 'online' as Mode,
    requests: [] as { childId: string; key: string; purpose: string }[],
    stored: new Map<string, { id: string; childId: string }>(),
    gate: null as Promise<void> | null,
  };
  const request = async (req: HttpRequest): Promise<HttpResponse> => {
    if (server.gate) await server.gate;
    const mode = server.mode;
    if (mode === 'offline') throw new Error('request:fail');
    const childId = decodeURIComponent(req.url.split('/children/')[1].split('/')[0]);
    const key = req.headers['Idempotency-Key'];
    const body = JSON.parse(req.body!) as CheckInInput;
    server.requests.push({ childId, key, purpose: body.notes });
    if (mode !== 'online') return { status: mode.status, headers: {}, data: JSON.stringify({ type: 'about:blank', ...mode }) };
    const visit = server.stored.get(key) ?? { id: `visit-${server.stored.size + 1}`, childId };
    server.stored.set(key, visit);
    return { status: 201, headers: {}, data: JSON.stringify(visit) };
  };
  return { server, client: createApiClient({ baseUrl: '', request, getToken: () => 'token' }) };
}

function input(notes: string): CheckInInput {
  return {
    kind: 'homeVisit',
    purpose: 'routine',
    startedAt: '2026-11-23T08:00:00+08:00',
    endedAt: '2026-11-23T10:10:00+08:00',
    location: null,
    participantIds: ['worker-1', 'director-1'],
    companionNames: [],
    contactChannel: null,
    services: ['dailyCare'],
    notes,
    problemsFound: '',
  };
}

function setUp(overrides: Partial<OfflineQueueOptions> = {}) {
  const storage = fakeStorage();
  const { server, client } = fakeServer();
  let clock = Date.parse('2026-11-23T10:30:00+08:00');
  const timers: { run: () => void; delayMs: number }[] = [];
  let keyCount = 0;
  const options: OfflineQueueOptions = {
    storage,
    checkIn: client.checkIn,
    currentUserId: () => 'worker-1',
    newKey: () => `key-${++keyCount}`,
    now: () => new Date(clock),
    schedule: (run, delayMs) => {
      const timer = { run, delayMs };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer), 1);
    },
    // The longest wait of each step: the jitter itself is tested in queued-check-in.test.ts.
    random: () => 1,
    ...overrides,
  };
  return {
    storage,
    server,
    timers,
    options,
    queue: createOfflineQueue(options),
    advance: (ms: number) => (clock += ms),
  };
}

describe('offline check-in queue (issue 3, part 4)', () => {
  it('stores the check-in with its idempotency key before anything is sent', () => {
    const { queue, storage, server } = setUp();

    const item = queue.enqueue('child-1', input('a'), '王浩然');

    expect(item).toMatchObject({ key: 'key-1', childId: 'child-1', childName: '王浩然', state: 'pending', attempts: 0 });
    expect(JSON.parse(storage.raw.get('shouhu.checkInQueue')!)).toEqual([item]);
    expect(server.requests).toEqual([]);
  });

  it("queues a form once under the form's own key, however often it is submitted (issue 7, B5)", async () => {
    const { queue, server } = setUp();

    const first = queue.enqueue('child-1', input('a'), '王浩然', 'form-key-1');
    const again = queue.enqueue('child-1', input('a'), '王浩然', 'form-key-1');
    await Promise.all([queue.flush({ force: true }), queue.flush({ force: true })]);
    // Sent already, the same form submitted once more: the server answers with the visit it has.
    queue.enqueue('child-1', input('a'), '王浩然', 'form-key-1');
    await queue.flush({ force: true });

    expect(again).toEqual(first);
    expect(first.key).toBe('form-key-1');
    expect(server.requests.map((r) => r.key)).toEqual(['form-key-1', 'form-key-1']);
    expect(server.stored.size).toBe(1);
  });

  it('sends with the key, removes the item after a 2xx and keeps the answer', async () => {
    const { queue, server } = setUp();
    const item = queue.enqueue('child-1', input('a'));

    const report = await queue.flush();

    expect(server.requests).toEqual([{ childId: 'child-1', key: 'key-1', purpose: 'a' }]);
    expect(report.sent.map((s) => s.visit.id)).toEqual(['visit-1']);
    expect(queue.list()).toEqual([]);
    expect(queue.resultOf(item.key)).toMatchObject({ id: 'visit-1' });
  });

  it('keeps an item while offline and retries it with the same key: the server stores one visit', async () => {
    const { queue, server } = setUp();
    queue.enqueue('child-1', input('a'));
    server.mode = 'offline';

    const offline = await queue.flush();
    expect(offline.stoppedBy).toMatchObject({ status: 0 });
    expect(queue.list()).toMatchObject([{ key: 'key-1', state: 'pending', attempts: 1, problem: { title: '网络连接失败' } }]);

    // The answer to a first attempt got lost on the way back; the retry carries the same key.
    server.mode = 'online';
    await queue.flush({ force: true });
    queue.enqueue('child-1', input('b'));
    await queue.flush();

    expect(server.requests.map((r) => r.key)).toEqual(['key-1', 'key-2']);
    expect(server.stored.size).toBe(2);
    expect(queue.list()).toEqual([]);
  });

  it('replays the same key after a lost answer and the server still holds one visit', async () => {
    const { queue, server } = setUp();
    queue.enqueue('child-1', input('a'));
    server.mode = { status: 503, title: '服务暂时不可用' };
    await queue.flush();
    // The first request reached the server; pretend it stored it and the 503 came from a proxy on the way back.
    server.stored.set('key-1', { id: 'visit-1', childId: 'child-1' });
    server.mode = 'online';

    const report = await queue.flush({ force: true });

    expect(server.requests.map((r) => r.key)).toEqual(['key-1', 'key-1']);
    expect(report.sent.map((s) => s.visit.id)).toEqual(['visit-1']);
    expect(server.stored.size).toBe(1);
  });

  it('sends after a restart: a new queue over the same storage, even one closed mid-send', async () => {
    const first = setUp();
    first.queue.enqueue('child-1', input('a'));
    first.queue.enqueue('child-2', input('b'));
    // The app was closed while the first one was on its way.
    const stored = JSON.parse(first.storage.raw.get('shouhu.checkInQueue')!);
    stored[0].state = 'sending';
    first.storage.raw.set('shouhu.checkInQueue', JSON.stringify(stored));

    const { server, client } = fakeServer();
    const restarted = createOfflineQueue({ ...first.options, checkIn: client.checkIn });
    expect(restarted.list().map((item) => [item.key, item.state])).toEqual([
      ['key-1', 'pending'],
      ['key-2', 'pending'],
    ]);
    await restarted.flush();

    expect(server.requests.map((r) => [r.childId, r.key])).toEqual([
      ['child-1', 'key-1'],
      ['child-2', 'key-2'],
    ]);
    expect(restarted.list()).toEqual([]);
  });

  it('keeps the order: nothing overtakes an item that could not be sent', async () => {
    const { queue, server } = setUp();
    queue.enqueue('child-1', input('first'));
    queue.enqueue('child-2', input('second'));
    queue.enqueue('child-3', input('third'));
    server.mode = 'offline';
    await queue.flush();
    expect(server.requests).toEqual([]);

    server.mode = 'online';
    await queue.flush({ force: true });

    expect(server.requests.map((r) => r.purpose)).toEqual(['first', 'second', 'third']);
  });

  it('never sends twice when flush is called twice at once', async () => {
    const { queue, server } = setUp();
    queue.enqueue('child-1', input('a'));
    queue.enqueue('child-2', input('b'));
    let release!: () => void;
    server.gate = new Promise((resolve) => (release = resolve));

    const one = queue.flush();
    const two = queue.flush({ force: true });
    expect(queue.list().map((item) => item.state)).toEqual(['sending', 'pending']);
    server.gate = null;
    release();
    const [first, second] = await Promise.all([one, two]);

    expect(server.requests.map((r) => r.key)).toEqual(['key-1', 'key-2']);
    expect(first.sent).toHaveLength(2);
    expect(second.sent).toHaveLength(0);
  });

  it('picks up a check-in made while a flush is running', async () => {
    const { queue, server } = setUp();
    queue.enqueue('child-1', input('a'));
    let release!: () => void;
    server.gate = new Promise((resolve) => (release = resolve));
    const running = queue.flush();
    const made = queue.enqueue('child-2', input('b'));
    const mine = queue.flush({ force: true });
    server.gate = null;
    release();
    await Promise.all([running, mine]);

    expect(server.requests.map((r) => r.key)).toEqual(['key-1', 'key-2']);
    expect(queue.resultOf(made.key)).toMatchObject({ childId: 'child-2' });
  });

  it('keeps a check-in the server refuses (4xx) as 失败 with the reason, and goes on with the next', async () => {
    const { queue, server } = setUp();
    queue.enqueue('child-1', input('a'));
    queue.enqueue('child-2', input('b'));
    server.mode = { status: 422, title: '提交的内容不符合要求', detail: '结束时间早于开始时间', field: 'endedAt' };

    const report = await queue.flush();

    expect(report.refused.map((item) => item.key)).toEqual(['key-1', 'key-2']);
    expect(queue.list()).toMatchObject([
      { key: 'key-1', state: 'failed', problem: { status: 422, detail: '结束时间早于开始时间', field: 'endedAt' } },
      { key: 'key-2', state: 'failed' },
    ]);
    // Failed items are not sent again by themselves.
    server.mode = 'online';
    await queue.flush({ force: true });
    expect(server.requests).toHaveLength(2);
  });

  it('sends a failed item again only when the worker asks, and drops one they discard', async () => {
    const { queue, server } = setUp();
    queue.enqueue('child-1', input('a'));
    queue.enqueue('child-2', input('b'));
    server.mode = { status: 403, title: '没有权限' };
    await queue.flush();
    server.mode = 'online';

    queue.retry('key-1');
    queue.discard('key-2');
    await queue.flush();

    expect(server.requests.map((r) => r.key)).toEqual(['key-1', 'key-2', 'key-1']);
    expect(queue.list()).toEqual([]);
  });

  it('stops at 401 and keeps the item for the next login of the same user', async () => {
    const { queue, server } = setUp();
    queue.enqueue('child-1', input('a'));
    queue.enqueue('child-2', input('b'));
    server.mode = { status: 401, title: '请先登录' };

    const report = await queue.flush();

    expect(report.stoppedBy).toMatchObject({ status: 401 });
    expect(server.requests).toHaveLength(1);
    expect(queue.list().map((item) => item.state)).toEqual(['pending', 'pending']);
  });

  it('backs off after server trouble: automatic flushes wait, a forced one or the timer sends', async () => {
    const { queue, server, timers, advance } = setUp();
    queue.enqueue('child-1', input('a'));
    server.mode = { status: 500, title: '服务器错误' };
    await queue.flush();
    expect(timers.map((t) => t.delayMs)).toEqual([FIRST_RETRY_DELAY_MS]);
    expect(queue.list()[0].retryAt).toBe(new Date(Date.parse('2026-11-23T10:30:00+08:00') + FIRST_RETRY_DELAY_MS).toISOString());

    server.mode = 'online';
    await queue.flush();
    expect(server.requests).toHaveLength(1);

    advance(FIRST_RETRY_DELAY_MS);
    timers[0].run();
    await queue.flush();
    expect(server.requests).toHaveLength(2);
    expect(queue.list()).toEqual([]);
  });

  it("sends only the logged-in user's items, and none without a session", async () => {
    const storage = fakeStorage();
    const { server, client } = fakeServer();
    let userId: string | null = 'worker-1';
    const queue = createOfflineQueue({ storage, checkIn: client.checkIn, currentUserId: () => userId });
    queue.enqueue('child-1', input('of worker 1'));
    userId = 'worker-2';
    queue.enqueue('child-2', input('of worker 2'));
    expect(queue.list().map((item) => item.childId)).toEqual(['child-2']);

    userId = null;
    await queue.flush();
    expect(server.requests).toEqual([]);
    userId = 'worker-1';
    await queue.flush();

    expect(server.requests.map((r) => r.purpose)).toEqual(['of worker 1']);
    expect(JSON.parse(storage.raw.get('shouhu.checkInQueue')!)).toHaveLength(1);
  });

  it('tells subscribers about every change of their own items', async () => {
    const { queue } = setUp();
    const seen: string[][] = [];
    const unsubscribe = queue.subscribe((items) => seen.push(items.map((item) => item.state)));
    queue.enqueue('child-1', input('a'));
    await queue.flush();
    unsubscribe();
    queue.enqueue('child-2', input('b'));

    // The last one is the state after the flush, told in any case.
    expect(seen).toEqual([['pending'], ['sending'], [], []]);
  });

  it('tells its subscribers after a flush what another queue over the same storage sent (a second browser tab)', async () => {
    const { queue, options } = setUp();
    const otherTab = createOfflineQueue(options);
    queue.enqueue('child-1', input('a'));
    const seen: number[] = [];
    otherTab.subscribe((items) => seen.push(items.length));

    await queue.flush();
    await otherTab.flush();

    expect(seen.at(-1)).toBe(0);
    expect(otherTab.list()).toEqual([]);
  });

  it('ignores storage it cannot read instead of failing', () => {
    const { storage, options } = setUp();
    storage.raw.set('shouhu.checkInQueue', JSON.stringify([{ nonsense: true }, 'x', null]));
    expect(createOfflineQueue(options).list()).toEqual([]);
    storage.raw.set('shouhu.checkInQueue', JSON.stringify('not json ['));
    expect(createOfflineQueue(options).list()).toEqual([]);
  });
});
