import type { PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { describe, expect, it } from 'vitest';
import {
  batchForPutEvents,
  entrySizeBytes,
  MAX_ENTRIES_PER_REQUEST,
  MAX_REQUEST_BYTES,
} from '../../functions/src/events/put-events-entries.js';

/** PutEvents takes at most 10 entries and under 256 KB a request (RELIABILITY.md): the relay cuts its requests so. */
const entryOfSize = (detailBytes: number): PutEventsRequestEntry => ({ Source: 's', DetailType: 'd', Detail: 'x'.repeat(detailBytes) });
const identity = (entry: PutEventsRequestEntry) => entry;

describe('PutEvents requests', () => {
  it('hold at most 10 entries, in order', () => {
    const entries = Array.from({ length: 23 }, () => entryOfSize(10));

    const { batches } = batchForPutEvents(entries, identity);

    expect(batches.map((b) => b.length)).toEqual([MAX_ENTRIES_PER_REQUEST, MAX_ENTRIES_PER_REQUEST, 3]);
    expect(batches.flat()).toEqual(entries);
  });

  it('stay within 256 KB, measured as EventBridge measures an entry', () => {
    const big = entryOfSize(100 * 1024);

    const { batches } = batchForPutEvents([big, big, big, big], identity);

    expect(batches.map((b) => b.length)).toEqual([2, 2]);
    for (const batch of batches) expect(batch.reduce((sum, e) => sum + entrySizeBytes(e), 0)).toBeLessThanOrEqual(MAX_REQUEST_BYTES);
  });

  it('count bytes, not characters, and the 14 bytes of a time', () => {
    expect(entrySizeBytes({ Source: 'shouhu', DetailType: 'X', Detail: '守护' })).toBe(6 + 1 + 6);
    expect(entrySizeBytes({ Source: 'shouhu', DetailType: 'X', Detail: '{}', Time: new Date(), Resources: ['ab'] })).toBe(14 + 6 + 1 + 2 + 2);
  });

  it('leave out an entry too large to send even alone, and say so', () => {
    const tooBig = entryOfSize(MAX_REQUEST_BYTES);
    const small = entryOfSize(1);

    expect(batchForPutEvents([small, tooBig, small], identity)).toEqual({ batches: [[small, small]], oversized: [tooBig] });
  });
});
