import type { OutboxRepository } from '../store/event-ports.js';
import type { OutboxRelay, RelayReport } from './outbox-relay.js';
import { relayPending } from './relay-pending.js';

/**
 * In the cloud the stream relays each event within seconds; what it gave up on (retries spent, record too old: the
 * batch's range goes to the relay's dead-letter queue) stays pending in the outbox. The sweep, on a schedule the
 * stack sets from here, relays those. It takes only events older than the stream's own retry window, so it does not
 * race the stream for an event the stream is still retrying.
 */
export const OUTBOX_STREAM_MAX_RECORD_AGE_MINUTES = 60;

export const OUTBOX_SWEEP = {
  everyMinutes: 15,
  olderThanMinutes: OUTBOX_STREAM_MAX_RECORD_AGE_MINUTES + 30,
  pageSize: 50,
} as const;

export function createOutboxSweep(deps: { outbox: Pick<OutboxRepository, 'listPending'>; relay: OutboxRelay; clock: () => Date }) {
  return function sweepOutbox(): Promise<RelayReport> {
    const occurredBefore = new Date(deps.clock().getTime() - OUTBOX_SWEEP.olderThanMinutes * 60_000);
    return relayPending(deps, { pageSize: OUTBOX_SWEEP.pageSize, occurredBefore });
  };
}
