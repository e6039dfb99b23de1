import { asApiError, type ApiError } from '../api/api-error';
import type { ApiClient } from '../api/client';
import type { CheckInInput, Visit } from '../api/types';
import {
  classifyFailure,
  parseStoredQueue,
  problemOf,
  recoverInterrupted,
  retryDelayAfter,
  type QueuedCheckIn,
} from './queued-check-in';
import type { JsonStorage } from './json-storage';
import { createUuid } from './uuid';

/**
 * Part 4 of issue 3: every check-in goes through this queue, online or not. It is written to storage before the
 * first attempt, sent in order with the key it was given at creation, and removed only once the server has it
 * (or has refused it for good, which is kept as 失败 for the worker to see). Plain TS: storage, client, clock and
 * timer are passed in, so node tests drive it and the app wires Taro's storage to it.
 */
export type { JsonStorage } from './json-storage';

export interface OfflineQueueOptions {
  storage: JsonStorage;
  checkIn: ApiClient['checkIn'];
  /** The logged-in user, or null: items are sent only by the session of the user who recorded them. */
  currentUserId: () => string | null;
  newKey?: () => string;
  now?: () => Date;
  /** Arranges the next automatic attempt after a backoff; returns a cancel function. */
  schedule?: (run: () => void, delayMs: number) => () => void;
  /** In [0, 1): spreads the backoff (jitter). */
  random?: () => number;
  storageKey?: string;
}

export interface FlushOptions {
  /** Send items still in backoff too: the worker tapped 立即上传, or the network just came back. */
  force?: boolean;
}

export interface FlushReport {
  sent: { item: QueuedCheckIn; visit: Visit }[];
  /** Refused for good in this round; kept as 失败. */
  refused: QueuedCheckIn[];
  /** Why sending stopped before the end (offline, server trouble, session over), or null. */
  stoppedBy: ApiError | null;
}

export interface OfflineQueue {
  /**
   * Stores the check-in and returns it; nothing is sent yet. `key` is the form's own idempotency key (issue 7, B5):
   * a form submitted twice is queued once, under the key it already has; without one, a new key is made.
   */
  enqueue(childId: string, input: CheckInInput, childName?: string, key?: string): QueuedCheckIn;
  /** One flush at a time: a call during a flush runs once more after it, and both callers see that second run. */
  flush(options?: FlushOptions): Promise<FlushReport>;
  /** The current user's items, oldest first. */
  list(): QueuedCheckIn[];
  /** The server's answer for an item sent since the app started. */
  resultOf(key: string): Visit | undefined;
  /** Makes a 失败 item 待上传 again (e.g. after the worker signed the pledge). */
  retry(key: string): void;
  /** Drops an item the worker decided not to send. */
  discard(key: string): void;
  subscribe(listener: (items: QueuedCheckIn[]) => void): () => void;
}

export const CHECK_IN_QUEUE_KEY = 'shouhu.checkInQueue';

export function createOfflineQueue(options: OfflineQueueOptions): OfflineQueue {
  const storageKey = options.storageKey ?? CHECK_IN_QUEUE_KEY;
  const now = options.now ?? (() => new Date());
  const newKey = options.newKey ?? (() => createUuid());
  const listeners = new Set<(items: QueuedCheckIn[]) => void>();
  const results = new Map<string, Visit>();
  let running: Promise<FlushReport> | null = null;
  let rerun: Promise<FlushReport> | null = null;
  let rerunForced = false;
  let cancelTimer: (() => void) | null = null;

  // Reading and writing are synchronous, so one change never interleaves with another.
  function read(): QueuedCheckIn[] {
    return parseStoredQueue(options.storage.get(storageKey));
  }

  function write(items: QueuedCheckIn[]): void {
    options.storage.set(storageKey, items);
    notify(items);
  }

  function notify(items: QueuedCheckIn[]): void {
    const mine = ownItems(items);
    for (const listener of listeners) listener(mine);
  }

  function ownItems(items: QueuedCheckIn[]): QueuedCheckIn[] {
    const userId = options.currentUserId();
    return userId === null ? [] : items.filter((item) => item.userId === userId);
  }

  function update(key: string, change: (item: QueuedCheckIn) => QueuedCheckIn | null): void {
    const items = read();
    const index = items.findIndex((item) => item.key === key);
    if (index < 0) return;
    const changed = change(items[index]);
    write(changed === null ? items.filter((_, i) => i !== index) : items.map((item, i) => (i === index ? changed : item)));
  }

  function nextSendable(userId: string, attempted: Set<string>): QueuedCheckIn | undefined {
    return read().find((item) => item.userId === userId && item.state !== 'failed' && !attempted.has(item.key));
  }

  function isWaitingForBackoff(item: QueuedCheckIn): boolean {
    return item.retryAt !== null && Date.parse(item.retryAt) > now().getTime();
  }

  /** After a retryable failure, try again by itself once the backoff has passed (while the app is open). */
  function scheduleRetry(delayMs: number): void {
    if (!options.schedule) return;
    cancelTimer?.();
    cancelTimer = options.schedule(() => {
      cancelTimer = null;
      void flush();
    }, delayMs);
  }

  async function sendAll({ force = false }: FlushOptions): Promise<FlushReport> {
    const report: FlushReport = { sent: [], refused: [], stoppedBy: null };
    const userId = options.currentUserId();
    if (userId === null) return report;
    const attempted = new Set<string>();
    // Re-read each time: a check-in enqueued during this flush is picked up by it, behind the older ones.
    for (let item = nextSendable(userId, attempted); item; item = nextSendable(userId, attempted)) {
      // Order is kept: a later item never overtakes one still waiting out its backoff.
      if (!force && isWaitingForBackoff(item)) {
        scheduleRetry(Date.parse(item.retryAt!) - now().getTime());
        break;
      }
      attempted.add(item.key);
      update(item.key, (current) => ({ ...current, state: 'sending' }));
      try {
        const visit = await options.checkIn(item.childId, item.input, item.key);
        results.set(item.key, visit);
        update(item.key, () => null);
        report.sent.push({ item, visit });
        continue;
      } catch (thrown) {
        const error = asApiError(thrown);
        const kind = classifyFailure(error);
        const attempts = item.attempts + 1;
        if (kind === 'refused') {
          update(item.key, (current) => ({ ...current, state: 'failed', attempts, retryAt: null, problem: problemOf(error) }));
          report.refused.push({ ...item, state: 'failed', attempts, problem: problemOf(error) });
          continue;
        }
        if (kind === 'unauthorized') {
          // The login page takes over; the item waits for the same user's next session.
          update(item.key, (current) => ({ ...current, state: 'pending', problem: problemOf(error) }));
        } else {
          const delayMs = retryDelayAfter(attempts, options.random);
          const retryAt = new Date(now().getTime() + delayMs).toISOString();
          update(item.key, (current) => ({ ...current, state: 'pending', attempts, retryAt, problem: problemOf(error) }));
          scheduleRetry(delayMs);
        }
        report.stoppedBy = error;
        break;
      }
    }
    return report;
  }

  function flush(flushOptions: FlushOptions = {}): Promise<FlushReport> {
    if (!running) {
      running = sendAll(flushOptions).finally(() => {
        running = null;
        // Another instance over the same storage (a second browser tab) may have sent items meanwhile.
        notify(read());
      });
      return running;
    }
    // Whatever asked during a flush is served by one more round after it: never two rounds at once.
    rerunForced = rerunForced || Boolean(flushOptions.force);
    if (!rerun) {
      rerun = running
        .catch(() => undefined)
        .then(() => {
          const force = rerunForced;
          rerun = null;
          rerunForced = false;
          return flush({ force });
        });
    }
    return rerun;
  }

  const stored = read();
  if (stored.some((item) => item.state === 'sending')) options.storage.set(storageKey, recoverInterrupted(stored));

  return {
    enqueue(childId, input, childName = '', key) {
      const userId = options.currentUserId();
      if (userId === null) throw new Error('enqueue: no session');
      const items = read();
      const queued = key === undefined ? undefined : items.find((item) => item.key === key && item.userId === userId);
      if (queued) return queued;
      const item: QueuedCheckIn = {
        key: key ?? newKey(),
        userId,
        childId,
        childName,
        input,
        createdAt: now().toISOString(),
        state: 'pending',
        attempts: 0,
        retryAt: null,
        problem: null,
      };
      write([...items, item]);
      return item;
    },
    flush,
    list: () => ownItems(read()),
    resultOf: (key) => results.get(key),
    retry(key) {
      update(key, (item) => ({ ...item, state: 'pending', retryAt: null, problem: null }));
    },
    discard(key) {
      update(key, () => null);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
