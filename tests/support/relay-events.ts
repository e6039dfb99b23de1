import { createLogger } from '../../functions/src/api/logger.js';
import type { Runtime } from '../../functions/src/compose/runtime.js';
import { createLocalBus } from '../../functions/src/events/local-bus.js';
import { createOutboxRelay, type RelayReport } from '../../functions/src/events/outbox-relay.js';
import { relayPending } from '../../functions/src/events/relay-pending.js';

/**
 * The events' way on one machine, as `npm start` runs it: outbox → relay → the local bus (the stack's rules) → the
 * consumers. `drain()` relays everything pending now, and then what the consumers wrote meanwhile (a fired deadline's
 * consequence), until nothing is left; the local server's relay does the same moments after a write.
 */
const MAX_DRAIN_PASSES = 10;
export function eventRelayOf(runtime: Pick<Runtime, 'repositories' | 'consumers' | 'clock'>, write: (line: string) => void = () => {}) {
  const logger = createLogger({ write });
  const bus = createLocalBus({ consumers: runtime.consumers, logger });
  const outbox = runtime.repositories.outbox;
  const relay = createOutboxRelay({ outbox, publisher: bus, clock: runtime.clock, logger });
  return {
    bus,
    async drain() {
      const total: RelayReport = { sent: [], alreadySent: [], failed: [] };
      for (let pass = 1; pass <= MAX_DRAIN_PASSES; pass += 1) {
        const report = await relayPending({ outbox, relay }, { pageSize: 100 });
        total.sent.push(...report.sent);
        total.alreadySent.push(...report.alreadySent);
        total.failed.push(...report.failed);
        if (report.sent.length === 0) break;
      }
      return total;
    },
  };
}
