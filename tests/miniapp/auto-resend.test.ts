import { describe, expect, it } from 'vitest';
import { createApiClient, type HttpRequest, type HttpResponse } from '../../miniapp/src/api/index.js';
import type { CheckInInput } from '../../miniapp/src/api/types.js';
import { startAutoResend } from '../../miniapp/src/lib/auto-resend.js';
import { createNetworkStatus } from '../../miniapp/src/lib/network-status.js';
import { createOfflineQueue } from '../../miniapp/src/lib/offline-queue.js';
import { FIRST_RETRY_DELAY_MS } from '../../miniapp/src/lib/queued-check-in.js';
import { fakeStorage } from '../support/fake-storage.js';

/**
 * Issue 7, B6: queued check-ins go out by themselves, on the network coming back and on a backoff timer, never only
 * on a tap. The queue, the network status and the trigger are the app's own; storage, server and timers are fakes.
 */
function setUp() {
  const storage = fakeStorage();
  const server = { reachable: false, requests: 0, stored: new Set<string>() };
  const request = async (req: HttpRequest): Promise<HttpResponse> => {
    server.requests += 1;
    if (!server.reachable) throw new Error('request:fail');
    server.stored.add(req.headers['Idempotency-Key']);
    return { status: 201, headers: {}, data: JSON.stringify({ id: `visit-${server.stored.size}` }) };
  };
  let clock = Date.parse('2026-11-23T10:30:00+08:00');
  const timers: { run: () => void; delayMs: number }[] = [];
  const queue = createOfflineQueue({
    storage,
    checkIn: createApiClient({ baseUrl: '', request, getToken: () => 'token' }).checkIn,
    currentUserId: () => 'worker-1',
    now: () => new Date(clock),
    random: () => 0.5,
    schedule: (run, delayMs) => {
      const timer = { run, delayMs };
      timers.push(timer);
      return () => timers.splice(timers.indexOf(timer), 1);
    },
  });
  const network = createNetworkStatus(false);
  // What the trigger asks of the queue, seen as it asks.
  const flushes: ({ force?: boolean } | undefined)[] = [];
  const watched = { flush: (options?: { force?: boolean }) => (flushes.push(options), queue.flush(options)) };
  return { queue, watched, flushes, network, server, timers, advance: (ms: number) => (clock += ms) };
}

const input: CheckInInput = {
  kind: 'homeVisit',
  purpose: 'routine',
  startedAt: '2026-11-23T08:00:00+08:00',
  endedAt: '2026-11-23T10:10:00+08:00',
  location: null,
  participantIds: ['worker-1'],
  companionNames: [],
  contactChannel: null,
  services: [],
  notes: '离线登记',
  problemsFound: '',
};

describe('sending queued check-ins by itself', () => {
  it('sends the moment the network comes back, past the backoff, without a tap', async () => {
    const { queue, watched, flushes, network, server } = setUp();
    queue.enqueue('child-1', input);
    startAutoResend(watched, network);
    await expect.poll(() => queue.list()[0].attempts).toBe(1);
    expect(queue.list()[0].retryAt).not.toBeNull();

    server.reachable = true;
    network.report(true);

    expect(flushes).toEqual([undefined, { force: true }]);
    await expect.poll(() => queue.list()).toEqual([]);
    expect(server.stored.size).toBe(1);
  });

  it('retries on a timer whose wait grows with each failure and is spread by jitter', async () => {
    const { queue, watched, network, server, timers, advance } = setUp();
    queue.enqueue('child-1', input);
    startAutoResend(watched, network);
    // random 0.5: three quarters of the ceiling (15 s, then 30 s).
    await expect.poll(() => timers.map((t) => t.delayMs)).toEqual([0.75 * FIRST_RETRY_DELAY_MS]);

    advance(timers[0].delayMs);
    timers.shift()!.run();
    await expect.poll(() => timers.map((t) => t.delayMs)).toEqual([1.5 * FIRST_RETRY_DELAY_MS]);

    server.reachable = true;
    advance(timers[0].delayMs);
    timers.shift()!.run();
    await expect.poll(() => queue.list()).toEqual([]);
    expect(server.requests).toBe(3);
  });

  it('counts only offline → online as coming back: a switch between networks asks for nothing', () => {
    const { watched, flushes, network } = setUp();
    network.report(true);
    startAutoResend(watched, network);

    network.report(true);

    expect(flushes).toEqual([undefined]);
  });

  it('stops listening when told to', () => {
    const { watched, flushes, network } = setUp();
    const stop = startAutoResend(watched, network);
    stop();

    network.report(true);

    expect(flushes).toEqual([undefined]);
  });
});

describe('the network status', () => {
  it('tells subscribers each change, and "back" listeners only when the connection returns', () => {
    const network = createNetworkStatus(true);
    const seen: boolean[] = [];
    let back = 0;
    network.subscribe((online) => seen.push(online));
    network.onBack(() => (back += 1));

    network.report(true);
    network.report(false);
    network.report(false);
    network.report(true);

    expect(seen).toEqual([false, true]);
    expect(back).toBe(1);
    expect(network.isOnline()).toBe(true);
  });
});
