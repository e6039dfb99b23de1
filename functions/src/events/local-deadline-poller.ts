import type { DueDeadlines } from '../store/event-ports.js';
import type { EventsLogger } from './events-logger.js';

/**
 * Fires every timer due at `clock()`: each into the outbox, once (DueDeadlines.fire). Returns the ids fired, so a
 * caller (the poller, a test) knows whether to relay. Page by page until a page is short or fires nothing new.
 */
export async function fireDueDeadlines(deps: { deadlines: DueDeadlines; clock: () => Date }, options: { pageSize?: number } = {}): Promise<string[]> {
  const pageSize = options.pageSize ?? 50;
  const fired: string[] = [];
  for (;;) {
    const due = await deps.deadlines.listDue(deps.clock(), pageSize);
    let firedNow = 0;
    for (const deadline of due) {
      if ((await deps.deadlines.fire(deadline)) === 'fired') {
        fired.push(deadline.id);
        firedNow += 1;
      }
    }
    if (due.length < pageSize || firedNow === 0) return fired;
  }
}

export interface LocalDeadlinePoller {
  /** Fires what is due now rather than at the next tick; resolves with the ids fired by this pass. */
  fireDue(): Promise<string[]>;
  /** No pass starts after this; resolves when the running one has finished. */
  stop(): Promise<void>;
}

const silent: EventsLogger = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * The in-process scheduler of `npm start` (EventBridge Scheduler has no local engine): every `intervalMs` it fires
 * the timers that are due and calls `onFired` (the relay's nudge), so a deadline's consumer runs moments after it
 * is due. One pass at a time; stopped before DynamoDB Local, like the relay. A timer due while the server was down
 * fires on the first pass after it starts.
 */
export function startLocalDeadlinePoller(options: {
  deadlines: DueDeadlines;
  clock?: () => Date;
  intervalMs?: number;
  onFired?: () => void;
  logger?: EventsLogger;
}): LocalDeadlinePoller {
  const { deadlines, clock = () => new Date(), intervalMs = 1_000, onFired = () => {}, logger = silent } = options;
  let running: Promise<string[]> | null = null;
  let stopped = false;

  function fireDue(): Promise<string[]> {
    if (stopped) return Promise.resolve([]);
    running ??= fireDueDeadlines({ deadlines, clock })
      .then((fired) => {
        if (fired.length > 0) onFired();
        return fired;
      })
      .catch((error: unknown) => {
        // DynamoDB Local stopped or restarting: the next tick tries again.
        logger.error('local deadline poll failed', { error });
        return [];
      })
      .finally(() => {
        running = null;
      });
    return running;
  }

  const timer = setInterval(() => void fireDue(), intervalMs);
  // The poller never keeps the process alive by itself: the server does.
  timer.unref();
  void fireDue();

  return {
    fireDue,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
