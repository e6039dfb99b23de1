import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acknowledgeDeadlineOf } from '../../functions/src/events/deadlines.js';
import { startLocalDeadlinePoller, type LocalDeadlinePoller } from '../../functions/src/events/local-deadline-poller.js';
import { createOutboxRepository } from '../../functions/src/store/outbox-repository.js';
import { createTableDeadlines } from '../../functions/src/store/table-deadlines.js';
import { createTestTable, type TestTable } from '../support/dynamodb.js';

/**
 * `npm start`'s in-process scheduler with an injected clock: it fires what is due at the clock's time, tells the
 * relay, and stops. The interval is long, so what happens is the test's doing, not a tick's.
 */
let db: TestTable;
let poller: LocalDeadlinePoller | undefined;
let now: Date;
let nudges: number;

beforeEach(async () => {
  db = await createTestTable('deadline-poller');
  now = new Date('2026-11-30T02:00:00Z');
  nudges = 0;
});
afterEach(async () => {
  await poller?.stop();
  poller = undefined;
});

const deadlines = () => createTableDeadlines(db.client, db.tableName);
const start = () =>
  (poller = startLocalDeadlinePoller({ deadlines: deadlines(), clock: () => now, intervalMs: 60_000, onFired: () => void (nudges += 1) }));
const pendingIds = async () => (await createOutboxRepository(db.client, db.tableName).listPending({ limit: 10 })).map((e) => e.id);

describe('the local deadline poller', () => {
  it('fires a timer once its time has come on the injected clock, and nudges the relay', async () => {
    const due = acknowledgeDeadlineOf({ subject: 'concern', subjectId: 'c'.repeat(32), level: 'town' }, new Date('2026-11-30T04:00:00Z'));
    await deadlines().schedule(due);
    start();

    expect(await poller!.fireDue()).toEqual([]);
    expect([await pendingIds(), nudges]).toEqual([[], 0]);

    now = new Date('2026-11-30T04:00:00Z');
    expect(await poller!.fireDue()).toEqual([due.id]);
    expect([await pendingIds(), nudges]).toEqual([[due.id], 1]);
    expect(await poller!.fireDue()).toEqual([]);
  });

  it('fires the timers that came due while it was not running, on its first pass', async () => {
    const missed = acknowledgeDeadlineOf({ subject: 'escalation', subjectId: 'e'.repeat(32), level: 'town' }, new Date('2026-11-29T00:00:00Z'));
    await deadlines().schedule(missed);

    start();
    await poller!.stop();

    expect(await pendingIds()).toEqual([missed.id]);
  });

  it('fires nothing once stopped', async () => {
    start();
    await poller!.stop();
    await deadlines().schedule(acknowledgeDeadlineOf({ subject: 'concern', subjectId: 'd'.repeat(32), level: 'town' }, now));

    expect(await poller!.fireDue()).toEqual([]);
    expect(await pendingIds()).toEqual([]);
  });
});
