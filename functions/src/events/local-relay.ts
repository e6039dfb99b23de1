import type { OutboxRepository } from '../store/event-ports.js';
import type { EventPublisher } from './event-publisher.js';
import type { EventsLogger } from './events-logger.js';
import { createOutboxRelay } from './outbox-relay.js';
import { relayPending } from './relay-pending.js';

export interface LocalRelay {
  /** Relay now rather than at the next tick: call it right after a write that recorded events. */
  nudge(): void;
  /** Resolves when no pass is running or asked for. */
  idle(): Promise<void>;
  /** No pass starts after this; resolves when the running one has finished. */
  stop(): Promise<void>;
}

export interface LocalRelayOptions {
  outbox: OutboxRepository;
  bus: EventPublisher;
  intervalMs?: number;
  pageSize?: number;
  clock?: () => Date;
  logger?: EventsLogger;
}

const silent: EventsLogger = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * The outbox relay on one machine (`npm start`): it polls the pending index (DynamoDB Local has no streams to feed
 * it) and can be nudged after a write, publishes to the local bus and marks sent. One pass at a time: a nudge during
 * a pass asks for another pass after it, so nothing written meanwhile waits for the next tick. Events pending from
 * before a restart go out on the first pass.
 */
export function startLocalRelay(options: LocalRelayOptions): LocalRelay {
  const { outbox, bus, intervalMs = 1_000, pageSize = 50, clock = () => new Date(), logger = silent } = options;
  const relay = createOutboxRelay({ outbox, publisher: bus, clock, logger });
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  async function passes(): Promise<void> {
    try {
      do {
        again = false;
        await relayPending({ outbox, relay }, { pageSize });
      } while (again && !stopped);
    } catch (error) {
      // DynamoDB Local stopped or restarting: the next tick tries again.
      logger.error('local outbox relay pass failed', { error });
    } finally {
      running = null;
    }
  }

  function nudge(): void {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = passes();
  }

  const timer = setInterval(nudge, intervalMs);
  // The relay never keeps the process alive by itself: the server does.
  timer.unref();
  nudge();

  async function idle(): Promise<void> {
    while (running) await running;
  }

  return {
    nudge,
    idle,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await idle();
    },
  };
}
