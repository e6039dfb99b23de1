import type { OutboxRepository } from '../store/event-ports.js';
import type { OutboxRelay, RelayReport } from './outbox-relay.js';

/**
 * Relays the pending index oldest first, a page at a time, until it is empty: the local relay's poll, and the
 * cloud's sweep of what the stream gave up on. A page with a failure ends the pass, so events that keep failing are
 * not retried in a tight loop (the next pass tries them again).
 */
export async function relayPending(
  deps: { outbox: Pick<OutboxRepository, 'listPending'>; relay: OutboxRelay },
  options: { pageSize: number; occurredBefore?: Date; maxPages?: number },
): Promise<RelayReport> {
  const total: RelayReport = { sent: [], alreadySent: [], failed: [] };
  const maxPages = options.maxPages ?? 20;
  for (let page = 1; page <= maxPages; page += 1) {
    const events = await deps.outbox.listPending({ limit: options.pageSize, occurredBefore: options.occurredBefore });
    if (events.length === 0) break;
    const report = await deps.relay.relay(events);
    total.sent.push(...report.sent);
    total.alreadySent.push(...report.alreadySent);
    total.failed.push(...report.failed);
    if (report.failed.length > 0 || events.length < options.pageSize || report.sent.length === 0) break;
  }
  return total;
}
