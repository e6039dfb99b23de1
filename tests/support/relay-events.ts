import { createLogger } from '../../functions/src/api/logger.js';
import type { Runtime } from '../../functions/src/compose/runtime.js';
import { createLocalBus } from '../../functions/src/events/local-bus.js';
import { createOutboxRelay } from '../../functions/src/events/outbox-relay.js';
import { relayPending } from '../../functions/src/events/relay-pending.js';

/**
 * The events' way on one machine, as `npm start` runs it: outbox → relay → the local bus (the stack's rules) → the
 * consumers. `drain()` relays everything pending now; the local server's relay does the same moments after a write.
 */
export function eventRelayOf(runtime: Pick<Runtime, 'repositories' | 'consumers' | 'clock'>, write: (line: string) => void = () => {}) {
  const logger = createLogger({ write });
  const bus = createLocalBus({ consumers: runtime.consumers, logger });
  const outbox = runtime.repositories.outbox;
  const relay = createOutboxRelay({ outbox, publisher: bus, clock: runtime.clock, logger });
  return {
    bus,
    drain: () => relayPending({ outbox, relay }, { pageSize: 100 }),
  };
}
